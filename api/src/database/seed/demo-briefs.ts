import type { Theme } from '@lmr/domain';

/** The museum's demo library: one brief per theme, in Chinese and English. */
type T = { zh: string; en: string };

export interface DemoBrief {
  key: string;
  theme: Theme;
  gradeFrom: number;
  gradeTo: number;
  title: T;
  drivingQuestion: T;
  learningGoals: T[];
  /** Titles (English) of sample collection objects to suggest. */
  objects: string[];
}

/** The five steps most museum projects follow; each brief fills in its own prompts. */
export const STEPS = (subject: T) => [
  {
    key: 'observe',
    title: { zh: '观察', en: 'Observe' },
    prompt: { zh: `仔细观察${subject.zh}：它是什么颜色、什么形状、用什么做的？画一画你看到的。`, en: `Look closely at ${subject.en}: its colours, shape and material. Draw what you see.` },
    handIn: { zh: '一幅观察图和三句描述', en: 'A drawing and three sentences describing it' },
  },
  {
    key: 'ask',
    title: { zh: '提问', en: 'Ask' },
    prompt: { zh: `关于${subject.zh}，你最想知道什么？写下三个问题，圈出最想研究的一个。`, en: `What do you most want to know about ${subject.en}? Write three questions and circle the one to research.` },
    handIn: { zh: '三个问题', en: 'Three questions' },
  },
  {
    key: 'investigate',
    title: { zh: '探究', en: 'Investigate' },
    prompt: { zh: '查找证据回答你的问题：馆藏记录、书、采访讲解员。记下每条证据的来源。', en: 'Find evidence to answer your question: collection records, books, a talk with a museum guide. Note where each piece comes from.' },
    handIn: { zh: '至少两条有来源的证据', en: 'At least two pieces of evidence with their sources' },
  },
  {
    key: 'create',
    title: { zh: '创作', en: 'Create' },
    prompt: { zh: '用你发现的知识做一件作品：模型、小报、短视频脚本或讲解词。', en: 'Make something from what you found: a model, a poster, a short video script or a guide’s talk.' },
    handIn: { zh: '作品照片或文稿', en: 'A photo of your work or its text' },
  },
  {
    key: 'reflect',
    title: { zh: '分享与反思', en: 'Share and reflect' },
    prompt: { zh: '向同学介绍你的研究。你学到了什么？下次你会怎么做得更好？', en: 'Present your research to classmates. What did you learn? What would you do better next time?' },
    handIn: { zh: '一段反思', en: 'A short reflection' },
  },
];

export const RUBRIC = [
  {
    key: 'observation',
    title: { zh: '观察仔细', en: 'Careful observation' },
    levels: [
      { points: 1, descriptor: { zh: '我写下了看到的一两处地方。', en: 'I wrote down one or two things I saw.' } },
      { points: 2, descriptor: { zh: '我描述了颜色、形状和材料。', en: 'I described the colours, shape and material.' } },
      { points: 3, descriptor: { zh: '我发现了别人没注意到的细节。', en: 'I found details that others missed.' } },
    ],
  },
  {
    key: 'evidence',
    title: { zh: '证据可靠', en: 'Trustworthy evidence' },
    levels: [
      { points: 1, descriptor: { zh: '我找到了一条证据。', en: 'I found one piece of evidence.' } },
      { points: 2, descriptor: { zh: '我找到了两条证据并写明来源。', en: 'I found two pieces of evidence and said where they came from.' } },
      { points: 3, descriptor: { zh: '我比较了不同来源的证据。', en: 'I compared evidence from different sources.' } },
    ],
  },
  {
    key: 'creation',
    title: { zh: '作品有创意', en: 'Creative making' },
    levels: [
      { points: 1, descriptor: { zh: '我完成了作品。', en: 'I finished my piece.' } },
      { points: 2, descriptor: { zh: '我的作品用上了研究发现。', en: 'My piece uses what I found out.' } },
      { points: 3, descriptor: { zh: '我的作品让别人也学到了新知识。', en: 'My piece teaches others something new.' } },
    ],
  },
  {
    key: 'reflection',
    title: { zh: '反思深入', en: 'Thoughtful reflection' },
    levels: [
      { points: 1, descriptor: { zh: '我说了我做了什么。', en: 'I said what I did.' } },
      { points: 2, descriptor: { zh: '我说了学到了什么。', en: 'I said what I learned.' } },
      { points: 3, descriptor: { zh: '我想到了下次怎样做得更好。', en: 'I thought about how to do better next time.' } },
    ],
  },
];

export const DEMO_BRIEFS: DemoBrief[] = [
  {
    key: 'pig-dragon',
    theme: 'HISTORY',
    gradeFrom: 3,
    gradeTo: 6,
    title: { zh: '五千年前的玉猪龙', en: 'The jade pig-dragon from five thousand years ago' },
    drivingQuestion: { zh: '红山文化的人为什么要做玉猪龙？它告诉我们辽宁的先民怎样生活？', en: 'Why did the Hongshan people carve jade pig-dragons, and what do they tell us about early life in Liaoning?' },
    learningGoals: [
      { zh: '知道红山文化大约在什么时候、什么地方', en: 'Know roughly when and where the Hongshan culture lived' },
      { zh: '学会从器物推测古人的生活', en: 'Learn to reason from an object to how people lived' },
    ],
    objects: ['Jade pig-dragon of the Hongshan culture'],
  },
  {
    key: 'kesi',
    theme: 'CRAFTS',
    gradeFrom: 4,
    gradeTo: 8,
    title: { zh: '一寸缂丝一寸金', en: 'An inch of kesi, an inch of gold' },
    drivingQuestion: { zh: '缂丝是怎样织出来的？为什么它这么珍贵？', en: 'How is kesi silk tapestry woven, and why is it so precious?' },
    learningGoals: [
      { zh: '了解“通经断纬”的织法', en: 'Understand weaving with unbroken warps and broken wefts' },
      { zh: '体验传统工艺需要的耐心', en: 'Experience the patience a traditional craft needs' },
    ],
    objects: ['Peonies, silk tapestry (kesi)'],
  },
  {
    key: 'world-map',
    theme: 'SCIENCE',
    gradeFrom: 5,
    gradeTo: 9,
    title: { zh: '四百年前的世界地图', en: 'A map of the world from four hundred years ago' },
    drivingQuestion: { zh: '《坤舆万国全图》里的世界和今天的世界地图有什么不同？古人怎样知道远方的样子？', en: 'How does the world of the Kunyu Wanguo Quantu differ from a map today, and how did people then learn what far places looked like?' },
    learningGoals: [
      { zh: '比较古今地图的异同', en: 'Compare an old map with a modern one' },
      { zh: '了解测绘和交流如何推动科学', en: 'See how surveying and exchange moved science forward' },
    ],
    objects: ['Complete Map of the Ten Thousand Countries of the Earth'],
  },
  {
    key: 'court-ladies',
    theme: 'ART',
    gradeFrom: 4,
    gradeTo: 9,
    title: { zh: '走进唐代仕女的一天', en: 'A day in the life of Tang court ladies' },
    drivingQuestion: { zh: '从《簪花仕女图》里，我们能看出唐代人怎样穿衣打扮、怎样生活？', en: 'What can Court Ladies Adorning Their Hair with Flowers tell us about how people dressed and lived in the Tang dynasty?' },
    learningGoals: [
      { zh: '学会“读”一幅古画', en: 'Learn to read an old painting' },
      { zh: '了解唐代的服饰和生活', en: 'Learn about Tang dress and daily life' },
    ],
    objects: ['Court Ladies Adorning Their Hair with Flowers'],
  },
  {
    key: 'thousand-characters',
    theme: 'CHARACTERS',
    gradeFrom: 3,
    gradeTo: 7,
    title: { zh: '千字文里的汉字旅行', en: 'A journey of characters through the Thousand Character Classic' },
    drivingQuestion: { zh: '同一个字，在草书和楷书里有什么不同？汉字是怎样一步步变成今天的样子的？', en: 'How does the same character look in cursive and in regular script, and how did characters become what we write today?' },
    learningGoals: [
      { zh: '认识几种书体', en: 'Recognise several script styles' },
      { zh: '体会书法的美', en: 'Enjoy the beauty of calligraphy' },
    ],
    objects: ['Thousand Character Classic in cursive script', 'Wansui Tongtian Scroll (letters of the Wang family)'],
  },
];
