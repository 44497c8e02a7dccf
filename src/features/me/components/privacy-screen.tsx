// 隐私保护指引 in plain words: what is collected, why, who sees it, how long it is kept, and how to have it
// exported or removed. WeChat's filed guide opens from here too.
import { View } from '@tarojs/components';
import { go } from '@/lib/navigation';
import { isWeapp } from '@/lib/platform';
import { openPrivacyGuide } from '@/lib/privacy';
import '../me.css';

interface Section {
  title: string;
  points: string[];
}

const sections: Section[] = [
  {
    title: '我们收集哪些信息',
    points: [
      '姓名、手机号：秘书处登记或邀请您时填写，用于联系您。',
      '所在单位与身份（申报联系人、评审专家、秘书处）：决定您能看到和办理哪些事项。',
      '微信身份标识（OpenID）：由微信提供，只用来确认是您本人。我们不获取您的微信昵称、头像或通讯录。',
      '您上传的材料：申报书、附件、佐证照片与文件。只有在您点击“添加照片”“上传附件”时，才会读取您选择的照片或文件。',
      '操作记录：谁在何时做了什么（提交、审核、评审、公示处理、拨付等）。',
      '异议：公示期间提出异议时填写的联系人与电话。',
    ],
  },
  {
    title: '为什么收集',
    points: [
      '办理奖补项目的申报、形式审查、专家评审、公示、拨付与指标核实。',
      '操作记录用于核查与审计，保证每一步都有据可查。',
      '不用于营销，不出售、不提供给与项目无关的第三方。',
    ],
  },
  {
    title: '谁能看到',
    points: [
      '本单位的申报联系人：本单位的申报书及其材料。',
      '主办单位秘书处：其主办项目的申报、评审结果、异议及联系电话。',
      '评审专家：仅限分配给自己的申报材料，且须先声明无利益冲突。',
      '公众：公示名单只列单位名称、项目名称、类别、奖补金额和秘书处受理异议的联系方式，不含申报联系人或评审专家的姓名、电话。',
      '数据保存在微信云开发（腾讯云）中，只有本小程序的服务端可以读写。',
    ],
  },
  {
    title: '保存多久',
    points: [
      '申报、评审、公示与操作记录属于项目档案，按主办单位的档案管理规定保存。',
      '身份被撤销后，您不能再以该身份办理事项，已有记录保留。',
      '您要求删除后，秘书处移除您的身份：姓名与电话被抹去，微信身份解除绑定；操作记录为备查而保留。',
    ],
  },
  {
    title: '查看、导出与删除',
    points: ['在“我的数据”中可以看到系统保存的关于您本人的全部身份与记录，并导出为文件。', '如需更正或删除，请联系主办单位秘书处。'],
  },
  {
    title: '相机、相册、文件与剪贴板',
    points: ['只在您主动添加照片、上传附件或导出数据时使用。第一次使用前，微信会请您阅读并同意本指引；拒绝不影响浏览其他内容。'],
  },
];

export function PrivacyScreen() {
  return (
    <View className="page privacy">
      <View className="privacy__intro">
        学会奖补通由主办单位（学会或科协）的秘书处用于办理奖补项目。本页用平实的话说明我们如何处理您的个人信息。
      </View>
      {sections.map((section) => (
        <View key={section.title} className="privacy__section">
          <View className="privacy__title">{section.title}</View>
          {section.points.map((point) => (
            <View key={point} className="privacy__point">
              {point}
            </View>
          ))}
        </View>
      ))}
      <View className="home-footer">
        {isWeapp ? <View onClick={openPrivacyGuide}>《用户隐私保护指引》全文</View> : null}
        <View onClick={() => void go('myData')}>我的数据</View>
      </View>
    </View>
  );
}
