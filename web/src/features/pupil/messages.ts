import { defineMessages } from '../../app/i18n';

const zhCN = {
  'pupilHome.title': '你好，{name}！',
  'pupilHome.intro': '这里是你的研究项目。看看下一步要做什么吧。',
  'pupilHome.projects': '我的项目',
  'pupilHome.empty': '老师还没有布置项目。可以先去馆藏里逛逛！',
  'pupilHome.explore': '去看看馆藏',
  'pupilHome.due': '截止：{date}',
  'pupilHome.next': '下一步：{title}，{date}前完成',
  'pupilHome.noNext': '所有步骤的时间都过了，记得按时交作品。',
  'pupilHome.team': '小组合作',
  'pupilHome.individual': '独立完成',
  'pupilHome.loadMore': '显示更多项目',
};

const en: Record<keyof typeof zhCN, string> = {
  'pupilHome.title': 'Hello, {name}!',
  'pupilHome.intro': "Here are your research projects. See what's next!",
  'pupilHome.projects': 'My projects',
  'pupilHome.empty': "Your teacher hasn't set a project yet. Why not explore the collection?",
  'pupilHome.explore': 'Explore the collection',
  'pupilHome.due': 'Due: {date}',
  'pupilHome.next': 'Next step: {title}, by {date}',
  'pupilHome.noNext': 'All the steps are past their dates. Remember to hand in your work on time.',
  'pupilHome.team': 'Team work',
  'pupilHome.individual': 'On your own',
  'pupilHome.loadMore': 'Show more projects',
};

export const pupilMessages = defineMessages(zhCN, en);
