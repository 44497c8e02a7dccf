// 四川省土木建筑学会 2023 internal awards (seed 004): 30 × 3,000 yuan for branches and member units,
// targets raised above the provincial 一流科技社团 minimums (seed 002).
import { shanghaiToUtcIso } from '../../calendar/shanghai';
import type { Indicator, ProgramConfig } from '../program-schema';

const UPSTREAM = 'sichuan-first-class-society-2023';

function indicator(
  key: string,
  name: string,
  dimension: Indicator['dimension'],
  kind: Indicator['kind'],
  unit: string,
  target: number,
  provinceMinimum: number,
  note = '',
): Indicator {
  return {
    key,
    name,
    dimension,
    kind,
    unit,
    target,
    note,
    upstream: { programCode: UPSTREAM, indicatorKey: key, minimum: provinceMinimum },
  };
}

export const sichuanCivil2023: ProgramConfig = {
  code: 'sichuan-civil-2023',
  name: '四川省土木建筑学会2023年创建一流科技社团培育奖励',
  year: 2023,
  summary:
    '学会对分支机构、会员单位围绕创建一流政治引领力、创新支撑力、学术引领力、社会公信力开展的工作进行奖励支持，共30个，每个3000元，项目周期至2023年12月31日。',
  applicantKinds: ['branch', 'memberUnit'],
  awardAmountFen: 300_000,
  quota: 30,
  poolFen: 10_000_000,
  opensAt: shanghaiToUtcIso('2023-06-25 00:00:00'),
  deadline: shanghaiToUtcIso('2023-12-31 23:59:59'),
  implementationEndsAt: shanghaiToUtcIso('2023-12-31 23:59:59'),
  form: { projectNameMaxChars: 60, planMaxChars: 2000, budgetMaxLines: 20 },
  indicators: [
    indicator('tfkjy-registered-rank', '天府科技云注册科技工作者数排名', 'political', 'rank', '名', 50, 50),
    indicator('party-brand', '党建强会品牌活动', 'political', 'count', '个', 1, 1, '各分支机构建立党小组'),
    indicator('integrity-training', '科研诚信、学风道德宣讲培训', 'political', 'count', '次', 1, 1, '学术、教育工作委员会每年至少1次'),
    indicator('studio-open', '开设省级学会示范科创工作室', 'innovation', 'yesno', '', 1, 1),
    indicator('published-results', '发布科技服务能力、高新技术、科技成果', 'innovation', 'count', '项', 30, 20),
    indicator('recommended-to-conference', '向天府科技云服务大会推荐高新技术、科技成果', 'innovation', 'count', '项', 10, 5),
    indicator('tech-services', '依托平台提供科技服务', 'innovation', 'count', '项', 20, 10),
    indicator('results-transformed', '转化科技成果', 'innovation', 'count', '项', 2, 1),
    indicator('tech-promoted', '推广高新技术', 'innovation', 'count', '项', 5, 3),
    indicator('member-studios-rank', '会员开设科创工作室数量排名', 'innovation', 'rank', '名', 50, 50),
    indicator('outreach-coverage', '会员宣传覆盖率', 'innovation', 'percent', '%', 100, 100),
    indicator('satisfaction', '服务好评率', 'innovation', 'percent', '%', 90, 90),
    indicator('academic-brand', '有影响力的学术交流活动品牌', 'academic', 'count', '个', 1, 1, '天府论建等5个品牌'),
    indicator('papers-recommended', '向川渝科技学术大会推荐论文', 'academic', 'count', '篇', 20, 10),
    indicator('policy-report', '高质量决策咨询报告', 'academic', 'count', '篇', 1, 1),
    indicator('popsci-brand', '学会科普活动品牌', 'academic', 'count', '个', 1, 1),
    indicator('popsci-works', '推荐原创科普作品', 'academic', 'count', '篇', 20, 20),
    indicator('popsci-experts', '推荐进入省科普专家资源库的专家', 'academic', 'count', '名', 20, 20),
    indicator('fulltime-staff', '秘书处专职工作人员', 'credibility', 'count', '人', 7, 3),
  ],
};
