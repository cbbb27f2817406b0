/**
 * The people and places of the demo: invented schools, classes and names. No credential lives
 * here: the staff password and every class and pupil code are drawn from node:crypto when the
 * demo is first written (seed.ts), so no two installs share them.
 */

export const DEMO_SCHOOLS = [
  { key: 'wenbo', name: '沈阳市文博路小学', district: '沈阳市和平区' },
  { key: 'haiyun', name: '大连市海韵中学', district: '大连市沙河口区' },
] as const;

export const DEMO_STAFF = [
  { key: 'admin', role: 'ADMIN', displayName: '刘静 (管理员)', email: 'admin@museum.example', school: null },
  { key: 'educator-zhao', role: 'MUSEUM_EDUCATOR', displayName: '赵敏', email: 'zhao.min@museum.example', school: null },
  { key: 'educator-chen', role: 'MUSEUM_EDUCATOR', displayName: '陈宇', email: 'chen.yu@museum.example', school: null },
  { key: 'teacher-wang', role: 'TEACHER', displayName: '王芳', email: 'wang.fang@wenbo.example', school: 'wenbo' },
  { key: 'teacher-li', role: 'TEACHER', displayName: '李强', email: 'li.qiang@wenbo.example', school: 'wenbo' },
  { key: 'teacher-sun', role: 'TEACHER', displayName: '孙丽', email: 'sun.li@haiyun.example', school: 'haiyun' },
] as const;

export const DEMO_CLASSES = [
  { key: 'wenbo-4-2', school: 'wenbo', name: '四年级二班', grade: 4, pupils: 28, numberPrefix: 'WB4-2', teachers: ['teacher-wang'] },
  { key: 'wenbo-5-1', school: 'wenbo', name: '五年级一班', grade: 5, pupils: 26, numberPrefix: 'WB5-1', teachers: ['teacher-li', 'teacher-wang'] },
  { key: 'haiyun-7-3', school: 'haiyun', name: '初一(3)班', grade: 7, pupils: 30, numberPrefix: 'HY7-3', teachers: ['teacher-sun'] },
] as const;

export const DEMO_SCHOOL_YEAR = '2026-2027';

export const FAMILY_NAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
export const GIVEN_NAMES = ['子涵', '欣怡', '梓轩', '浩然', '雨桐', '宇航', '思远', '一诺', '若曦', '俊杰', '嘉怡', '天佑', '诗涵', '明轩', '可欣', '博文', '紫萱', '晨阳', '佳琪', '文博', '雅琳', '泽宇', '梦瑶', '皓轩', '安琪', '子墨', '语桐', '昊天', '心怡', '睿哲'];
