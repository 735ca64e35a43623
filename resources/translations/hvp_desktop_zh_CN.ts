<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../hvp_desktop/app.py" line="131"/>
        <source>Locked after %n min without use.</source>
        <translation>已%n分钟无操作，自动锁定。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/app.py" line="134"/>
        <source>Locked because the screen was locked or the computer went to sleep.</source>
        <translation>屏幕已锁定或计算机进入睡眠，工作文件已锁定。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/app.py" line="225"/>
        <source>Enter the password to open it.</source>
        <translation>请输入密码打开。</translation>
    </message>
</context>
<context>
    <name>ApplicationDetailDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="170"/>
        <source>Formal review: %1</source>
        <translation>形式审查：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="175"/>
        <source>Preliminary score (Annex 2)</source>
        <translation>初审得分（附件2）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="177"/>
        <source>Imported from</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="178"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="178"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="218"/>
        <source>Declared</source>
        <translation>申报内容</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="179"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="179"/>
        <source>Co-applicant</source>
        <translation>联合申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="179"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/application_detail.py" line="181"/>
        <source>Co-applicants (%n)</source>
        <translation>
            <numerusform>联合申报单位（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/application_detail.py" line="183"/>
        <source>Documents (%n)</source>
        <translation>
            <numerusform>申报材料（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="197"/>
        <source>Verdict: %1. Each check names its rule; a check can be confirmed or overridden only with a written reason.</source>
        <translation>审查结论：%1。每一项均注明所依据的规则；人工确认或更改结果须写明理由。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="200"/>
        <source>set by hand</source>
        <translation>人工确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="217"/>
        <source>Below the requirement</source>
        <translation>未达要求</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="218"/>
        <source>Construction task</source>
        <translation>建设任务</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="255"/>
        <source>Dates: %1</source>
        <translation>期限：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="201"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="218"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="247"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="201"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="201"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="218"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="201"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="217"/>
        <source>Meets</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="235"/>
        <source>R1: the formal review of this application is over</source>
        <translation>R1：该申报的形式审查已结束</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="247"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="247"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="248"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="250"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="255"/>
        <source>none pending</source>
        <translation>暂无待办</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="188"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="188"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="188"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="188"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="247"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ApplicationDetailForm</name>
    <message>
        <location filename="../../ui/application_detail.ui" line="21"/>
        <source>Declared data</source>
        <translation>申报信息</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="30"/>
        <source>Co-applicants</source>
        <translation>联合申报单位</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="38"/>
        <source>Formal review</source>
        <translation>形式审查</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="50"/>
        <source>Confirm or override…</source>
        <translation>人工确认或更改…</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="56"/>
        <source>Construction tasks (R5–R13)</source>
        <translation>建设任务（R5–R13）</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="65"/>
        <source>Decisions and dates</source>
        <translation>决定与日期</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="75"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="87"/>
        <source>What the rules allow now</source>
        <translation>当前规则允许的操作</translation>
    </message>
</context>
<context>
    <name>ApplicationTableModel</name>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="55"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="56"/>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="57"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="58"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="59"/>
        <source>R1 declared</source>
        <translation>R1申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="60"/>
        <source>Formal review</source>
        <translation>形式审查</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="61"/>
        <source>Next date</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="62"/>
        <source>Co-applicants</source>
        <translation>联合申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="63"/>
        <source>IP staff</source>
        <translation>专职人员</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="64"/>
        <source>IP budget (10k RMB)</source>
        <translation>经费（万元）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="65"/>
        <source>Invention patents</source>
        <translation>有效发明专利</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="66"/>
        <source>PCT</source>
        <translation>PCT</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="67"/>
        <source>Applied on</source>
        <translation>申报日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="68"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="59"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="62"/>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="65"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="76"/>
        <source>All rounds</source>
        <translation>全部轮次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="101"/>
        <source>%1 of %2 applications shown</source>
        <translation>显示 %1 / 共 %2 件申报</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanelForm</name>
    <message>
        <location filename="../../ui/applications_panel.ui" line="10"/>
        <source>Search applicant, credit code or contact</source>
        <translation>搜索申报单位、信用代码或联系人</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="14"/>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="16"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="18"/>
        <source>R1 declared:</source>
        <translation>R1申报：</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="20"/>
        <source>Formal review:</source>
        <translation>形式审查：</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="23"/>
        <source>Import from Excel…</source>
        <translation>从Excel导入…</translation>
    </message>
</context>
<context>
    <name>AssessmentRoundDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="257"/>
        <source>Open an assessment round</source>
        <translation>开启考核轮次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="263"/>
        <source>Year-1 assessment (R17, pass mark 70)</source>
        <translation>第一年度考核（R17，合格线70分）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="264"/>
        <source>Year-2 assessment (R18, pass mark 75)</source>
        <translation>第二年度考核（R18，合格线75分）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="265"/>
        <source>Re-assessment after rectification</source>
        <translation>整改后重新考核</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="270"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="271"/>
        <source>Assessment:</source>
        <translation>考核类别：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="272"/>
        <source>Centres:</source>
        <translation>建设单位：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="284"/>
        <source>No centre is waiting for this assessment.</source>
        <translation>没有等待该考核的建设单位。</translation>
    </message>
</context>
<context>
    <name>BureauDecisionDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="157"/>
        <source>Bureau&apos;s confirmation of the shortlist of %1</source>
        <translation>%1备选单位名单经区知识产权局确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="158"/>
        <source>Party group&apos;s approval of a list of %1</source>
        <translation>%1名单经区知识产权局党组研究通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="164"/>
        <source>List proposed for recognition (R16)</source>
        <translation>拟认定名单（R16）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="170"/>
        <source>Year-1 passed list (R19)</source>
        <translation>第一年度考核合格名单（R19）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="170"/>
        <source>Year-2 passed list (R19)</source>
        <translation>第二年度考核（期末验收）合格名单（R19）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="172"/>
        <source>List:</source>
        <translation>名单：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="177"/>
        <source>e.g. 穗埔知字〔2026〕27号</source>
        <translation>例如：穗埔知字〔2026〕27号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="179"/>
        <source>Decision date:</source>
        <translation>决定日期：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="180"/>
        <source>Document number:</source>
        <translation>文件编号（文号）：</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="30"/>
        <source>On-site checklist of %1</source>
        <translation>%1的现场核查表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="33"/>
        <source>Item</source>
        <translation>核查事项</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="33"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="33"/>
        <source>Minimum</source>
        <translation>最低要求</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="33"/>
        <source>Informs</source>
        <translation>对应评分指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="44"/>
        <source>In use for this round: </source>
        <translation>本轮采用：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="44"/>
        <source>Loaded for review: </source>
        <translation>已载入待审阅：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="64"/>
        <source>%1 items, %2 of them veto items.</source>
        <translation>共%1项，其中否决项%2项。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="73"/>
        <source>Checklist table</source>
        <translation>现场核查表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="80"/>
        <source>The table cannot be used:</source>
        <translation>此表不能使用：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_dialog.py" line="90"/>
        <source>Export the default checklist</source>
        <translation>导出默认现场核查表</translation>
    </message>
</context>
<context>
    <name>ChecklistForm</name>
    <message>
        <location filename="../../ui/checklist_dialog.ui" line="10"/>
        <source>Title of the checklist table</source>
        <translation>现场核查表名称</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.ui" line="12"/>
        <source>Load Excel table…</source>
        <translation>载入Excel表…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.ui" line="13"/>
        <source>Export the default…</source>
        <translation>导出默认表…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.ui" line="21"/>
        <source>Use for this round</source>
        <translation>用于本轮</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.ui" line="22"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="20"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="20"/>
        <source>Rule</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="21"/>
        <source>Item</source>
        <translation>核查事项</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="21"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="22"/>
        <source>Before</source>
        <translation>整改前</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="22"/>
        <source>Found</source>
        <translation>核查结论</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="23"/>
        <source>Figure</source>
        <translation>核查数值</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="23"/>
        <source>Note</source>
        <translation>核查说明</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="24"/>
        <source>Files</source>
        <translation>佐证</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="153"/>
        <source>Required: %1</source>
        <translation>要求：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_model.py" line="155"/>
        <source>Carried over from the failed assessment</source>
        <translation>上次考核不合格时须整改的事项</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="156"/>
        <source>not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="261"/>
        <source>No centre to visit: an expert sees here the centres of the assessment rounds they are assigned to.</source>
        <translation>暂无需现场核查的建设单位：此处列出专家被分配考核的年度考核轮次中的建设单位。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="346"/>
        <source>The round&apos;s result was confirmed on %1: this visit is read-only.</source>
        <translation>本轮评审结果已于%1确认：本次现场核查记录只读。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="366"/>
        <source>Requirement</source>
        <translation>建设要求</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="367"/>
        <source>How to verify on site</source>
        <translation>现场核查方法</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="368"/>
        <source>Evidence to collect</source>
        <translation>应收集的佐证材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="369"/>
        <source>Informs the annual-assessment criteria</source>
        <translation>对应年度考核评分表指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="403"/>
        <source>At the failed assessment</source>
        <translation>上次考核核查结论</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="435"/>
        <source>Assessment total: %1 points (the expert&apos;s score sheet, %2)</source>
        <translation>考核得分：%1分（专家打分表，%2）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="438"/>
        <source>No score sheet yet: the total comes from the expert&apos;s annual-assessment sheet in the Scoring panel.</source>
        <translation>尚无专家打分表：考核得分取自专家在“专家打分”中填写的年度考核评分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="441"/>
        <source>Veto items not met: %1 — they fail the assessment whatever the points.</source>
        <translation>否决项不符合：%1——无论得分多少，考核均不合格。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="463"/>
        <source>To rectify by %1:</source>
        <translation>须于%1前整改：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="465"/>
        <source>Still not met after rectification:</source>
        <translation>整改后仍未达要求：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="555"/>
        <source>%1: “%2” is not a number.</source>
        <translation>%1：“%2”不是数字。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="618"/>
        <source>Add evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="618"/>
        <source>Photos and PDFs (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>照片和PDF文件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="628"/>
        <source>Adding evidence…</source>
        <translation>正在添加佐证材料…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="631"/>
        <source>Remove evidence</source>
        <translation>删除佐证材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="632"/>
        <source>Take this file off the item? It is removed from the working file.</source>
        <translation>从该事项中删除此文件？文件将从工作文件中删除。</translation>
    </message>
</context>
<context>
    <name>ChecklistPanelForm</name>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="10"/>
        <source>&amp;Expert:</source>
        <translation>专家(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="15"/>
        <source>&amp;Centre:</source>
        <translation>建设单位(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="27"/>
        <source>&amp;Date:</source>
        <translation>核查日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="32"/>
        <source>Pl&amp;ace:</source>
        <translation>核查地点(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="34"/>
        <source>&amp;Start:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="39"/>
        <source>End:</source>
        <translation>结束：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="44"/>
        <source>Enterp&amp;rise:</source>
        <translation>企业参加人员(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="48"/>
        <source>Who took part for the enterprise</source>
        <translation>企业方参加人员及职务</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="50"/>
        <source>Pane&amp;l:</source>
        <translation>专家组参加人员(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="52"/>
        <source>Who took part for the panel</source>
        <translation>专家组成员及工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="72"/>
        <source>&amp;1 Met</source>
        <translation>符合(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="73"/>
        <source>&amp;2 Partly met</source>
        <translation>部分符合(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="74"/>
        <source>&amp;3 Not met</source>
        <translation>不符合(&amp;3)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="75"/>
        <source>&amp;0 Not checked</source>
        <translation>未核查(&amp;0)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="77"/>
        <source>&amp;P Previous</source>
        <translation>上一项(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="78"/>
        <source>&amp;N Next</source>
        <translation>下一项(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="83"/>
        <source>Outcome of the assessment</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="116"/>
        <source>&amp;Figure found:</source>
        <translation>核查数值(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="122"/>
        <source>N&amp;ote:</source>
        <translation>核查说明(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="129"/>
        <source>Evidence (drop photos or PDFs here):</source>
        <translation>佐证材料（可将照片或PDF文件拖放到此处）：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_panel.ui" line="131"/>
        <source>Add e&amp;vidence…</source>
        <translation>添加佐证材料(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="135"/>
        <source>Unknown columns</source>
        <translation>未识别的列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="135"/>
        <source>Map a column</source>
        <translation>指定列的对应字段</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="143"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="143"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="143"/>
        <source>Example value</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="143"/>
        <source>Holds</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="149"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="151"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="152"/>
        <source>Ignore this column</source>
        <translation>忽略此列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="153"/>
        <source>Keep it as a note with each application</source>
        <translation>保存为各申报的备注</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="187"/>
        <source>Choose what every column holds, or ignore it.</source>
        <translation>请为每一列选择对应字段，或选择忽略。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="191"/>
        <source>Two columns cannot hold the same field.</source>
        <translation>两列不能对应同一个字段。</translation>
    </message>
</context>
<context>
    <name>ColumnMappingForm</name>
    <message>
        <location filename="../../ui/column_mapping_dialog.ui" line="9"/>
        <source>Some columns of this spreadsheet have headers the application does not know. Say what each one holds, or ignore it. Columns that hold data are never dropped silently.</source>
        <translation>此表格中有本程序无法识别的表头。请说明每一列对应的字段，或选择忽略。含有数据的列不会被悄悄丢弃。</translation>
    </message>
    <message>
        <location filename="../../ui/column_mapping_dialog.ui" line="19"/>
        <source>Remember these choices for the next import</source>
        <translation>下次导入时记住这些选择</translation>
    </message>
</context>
<context>
    <name>ConsolidateDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="198"/>
        <source>Confirm the result of %1</source>
        <translation>确认%1评审结果</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="209"/>
        <source>Pass (%1)</source>
        <translation>合格（%1家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="209"/>
        <source>Fail (%1)</source>
        <translation>不合格（%1家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="211"/>
        <source>Selected (%1)</source>
        <translation>列入拟认定名单（%1家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="211"/>
        <source>Not selected (%1)</source>
        <translation>未列入拟认定名单（%1家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="213"/>
        <source>Method: %1</source>
        <translation>汇总方法：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="214"/>
        <source>Kendall&apos;s W %1: %2</source>
        <translation>肯德尔W = %1：%2</translation>
    </message>
</context>
<context>
    <name>ConsolidateForm</name>
    <message>
        <location filename="../../ui/ranking_consolidate_dialog.ui" line="10"/>
        <source>Decision date:</source>
        <translation>决定日期：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_consolidate_dialog.ui" line="19"/>
        <source>The result is recorded for every application and the round is locked: sheets, settings, explanations and the tie decision cannot change until the chair withdraws the confirmation with a reason.</source>
        <translation>评审结果将记入每件申报，本轮随即锁定：在组长写明理由撤回确认之前，专家打分表、设置、说明和并列决定均不能更改。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="129"/>
        <source>hvp-desktop — unexpected error</source>
        <translation>hvp-desktop — 程序意外错误</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="131"/>
        <source>An unexpected error occurred in the program. What you were doing did not finish.</source>
        <translation>程序发生意外错误，当前操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="134"/>
        <source>An unexpected error occurred in a background task. The task did not finish.</source>
        <translation>后台任务发生意外错误，该任务未能完成。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="138"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="150"/>
        <source>Your working file was not changed by this error: the last saved change is kept. You can go on working.</source>
        <translation>此错误未改动工作文件，最近一次已保存的更改完整保留。可继续使用本程序。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="154"/>
        <source>Incident number: %1</source>
        <translation>事件编号：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="155"/>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="156"/>
        <source>Log file: none (the log could not be written).</source>
        <translation>日志文件：无（日志无法写入）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="158"/>
        <source>If the error comes back, give the incident number and the log file to your technical contact. The log holds no names, scores or comments.</source>
        <translation>如再次出现此错误，请将事件编号和日志文件提供给技术联系人。日志中不含任何名称、评分或评审意见。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/crash.py" line="163"/>
        <source>Errors since this message opened: %1 more (in the log too).</source>
        <translation>本提示显示期间又发生 %1 个错误（均已记入日志）。</translation>
    </message>
</context>
<context>
    <name>DeadlinesDock</name>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="25"/>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="68"/>
        <source>Due in the next %n days</source>
        <translation>
            <numerusform>未来 %n 天内到期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="32"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="32"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="32"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="32"/>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="51"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="51"/>
        <source>open since this date</source>
        <translation>自此日起可办理</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="69"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项已逾期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecideTieDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="164"/>
        <source>Decide the tie at the line</source>
        <translation>决定名额线处的并列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="170"/>
        <source>%1 applications are tied at %2 points across the %3 places line. Put them in the order the panel decided: the first %4 take the places inside the line.</source>
        <translation>%1件申报以%2分在%3名额线处并列。请按评审组的决定排序：排在前面的%4件占用线内名额。</translation>
    </message>
</context>
<context>
    <name>DecideTieForm</name>
    <message>
        <location filename="../../ui/ranking_tie_dialog.ui" line="13"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_tie_dialog.ui" line="14"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_tie_dialog.ui" line="20"/>
        <source>Reason for this order (required, kept with the result):</source>
        <translation>排序理由（必填，随结果存档）：</translation>
    </message>
</context>
<context>
    <name>DecisionActions</name>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="45"/>
        <source>The publicity runs 5 working days from the chosen date; it cannot be started twice.</source>
        <translation>公示自所选日期起计5个工作日；同一事项不能重复公示。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="50"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="59"/>
        <source>Preliminary score (R15)…</source>
        <translation>初审得分（R15）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="61"/>
        <source>Formal review failed…</source>
        <translation>形式审查不通过…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="62"/>
        <source>The application will be rejected in the formal review. This cannot be undone.</source>
        <translation>该申报将记录为形式审查不通过。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="63"/>
        <source>Start publicity of the recognition list…</source>
        <translation>开始认定名单公示…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="65"/>
        <source>File an objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="65"/>
        <source>Objection</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="67"/>
        <source>Decide an objection…</source>
        <translation>异议核实结论…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="67"/>
        <source>Findings</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="69"/>
        <source>An upheld objection means no recognition (R16) or no support for that year (R19). This cannot be undone.</source>
        <translation>异议成立即不予认定（R16）或该年度不予资金扶持（R19）。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="70"/>
        <source>Party group approval of the recognition list…</source>
        <translation>认定名单经党组研究通过…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="72"/>
        <source>Recognise…</source>
        <translation>正式认定…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="73"/>
        <source>The applicant will be recognised as a centre. This cannot be undone.</source>
        <translation>该申报单位将被认定为高价值专利培育布局中心建设单位。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="74"/>
        <source>Written request for the year-1 assessment…</source>
        <translation>书面申请第一年度考核…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="76"/>
        <source>Written request for the year-2 assessment…</source>
        <translation>书面申请第二年度考核（期末验收）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="78"/>
        <source>Rectification report received…</source>
        <translation>收到整改报告…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="80"/>
        <source>Record year-1 assessment…</source>
        <translation>登记第一年度考核…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="81"/>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="83"/>
        <source>An assessment result cannot be undone.</source>
        <translation>考核结果登记后不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="82"/>
        <source>Record year-2 assessment…</source>
        <translation>登记第二年度考核…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="84"/>
        <source>Party group approval of the year-1 passed list…</source>
        <translation>第一年度合格名单经党组研究通过…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="86"/>
        <source>Party group approval of the year-2 passed list…</source>
        <translation>第二年度合格名单经党组研究通过…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="88"/>
        <source>Bureau withholds year-1 support…</source>
        <translation>区局决定不予第一年度资金扶持…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="90"/>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="93"/>
        <source>The year&apos;s support will not be paid. This cannot be undone.</source>
        <translation>该年度资金扶持将不予拨付。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="91"/>
        <source>Bureau withholds year-2 support…</source>
        <translation>区局决定不予第二年度资金扶持…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="94"/>
        <source>Start publicity of year-1 support…</source>
        <translation>开始第一年度考核合格名单公示…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="96"/>
        <source>Grant year-1 support (500,000 RMB)…</source>
        <translation>给予第一年度资金扶持（50万元）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="97"/>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="101"/>
        <source>Support will be recorded as granted. This cannot be undone.</source>
        <translation>将记录为已给予资金扶持。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="98"/>
        <source>Start publicity of year-2 support…</source>
        <translation>开始第二年度考核合格名单公示…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="100"/>
        <source>Grant year-2 support (500,000 RMB)…</source>
        <translation>给予第二年度资金扶持（50万元）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="102"/>
        <source>Withdraw (written request)…</source>
        <translation>退出（书面申请）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="102"/>
        <source>Request</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="103"/>
        <source>The centre withdraws: no further assessments and no application for 2 years (R21). This cannot be undone.</source>
        <translation>该建设单位退出建设：不再参加年度考核，2年内不得重新申报（R21）。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="130"/>
        <source>shortlisting is over</source>
        <translation>备选单位已确定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="133"/>
        <source>no check of the formal review has failed</source>
        <translation>形式审查没有不通过的项目</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="138"/>
        <source>no publicity awaits its result</source>
        <translation>没有等待结果的公示</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="142"/>
        <source>no objection is waiting for a decision</source>
        <translation>没有待核实的异议</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="168"/>
        <source>Objection:</source>
        <translation>异议：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="186"/>
        <source>Not upheld: the result stands</source>
        <translation>不成立：结果不变</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="187"/>
        <source>Upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="188"/>
        <source>Finding:</source>
        <translation>核实结论：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="210"/>
        <source>A decision cannot be dated in the future.</source>
        <translation>决定日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="213"/>
        <source>Write the %1 first.</source>
        <translation>请先填写%1。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="217"/>
        <source>Continue?</source>
        <translation>是否继续？</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <location filename="../../ui/decision_dialog.ui" line="10"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.ui" line="12"/>
        <source>Score:</source>
        <translation>得分：</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.ui" line="18"/>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.ui" line="20"/>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="357"/>
        <source>Previous page (PgUp)</source>
        <translation>上一页（PgUp）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="359"/>
        <source>Next page (PgDn)</source>
        <translation>下一页（PgDn）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="363"/>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="365"/>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="366"/>
        <source>Fit to width (0)</source>
        <translation>适合宽度（0）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="366"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="367"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="406"/>
        <source>Type a note here; it is kept as you type.</source>
        <translation>在此填写批注，输入即保存。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="463"/>
        <source>No document is open.</source>
        <translation>未打开文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="480"/>
        <source>Opening “%1”…</source>
        <translation>正在打开“%1”…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="545"/>
        <source>“%1” cannot be shown here: this kind of file (%2) is not a PDF, JPEG or PNG.</source>
        <translation>无法显示“%1”：该文件类型（%2）不是 PDF、JPEG 或 PNG。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="546"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="548"/>
        <source>“%1” is protected by a password and cannot be shown here.</source>
        <translation>“%1”设有密码保护，无法在此显示。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="550"/>
        <source>“%1” cannot be shown: the PDF is damaged or incomplete.</source>
        <translation>无法显示“%1”：PDF 文件已损坏或不完整。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="552"/>
        <source>“%1” cannot be shown: the image is damaged or incomplete.</source>
        <translation>无法显示“%1”：图片已损坏或不完整。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="574"/>
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="575"/>
        <source> of %1</source>
        <translation> 页，共 %1 页</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="584"/>
        <source>Your private notes on page %1</source>
        <translation>我的批注（第 %1 页，仅本人可见）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="586"/>
        <source>Your private notes on this image</source>
        <translation>我的批注（本图片，仅本人可见）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="588"/>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>DocumentsBox</name>
    <message>
        <location filename="../../hvp_desktop/gui/attachments.py" line="102"/>
        <source>Add &amp;documents…</source>
        <translation>添加申报材料(&amp;D)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/attachments.py" line="127"/>
        <source>%n document(s), kept encrypted in the working file. Click one to read it.</source>
        <translation>
            <numerusform>共%n份申报材料，加密保存在工作文件中。单击可阅读。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/attachments.py" line="130"/>
        <source>No documents yet: add the application form, audit reports and certificates as PDF or photos, or drop them here.</source>
        <translation>尚无申报材料：请以PDF或照片添加申报书、审计报告和证书，或将文件拖放到此处。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/attachments.py" line="132"/>
        <source>No documents for this application.</source>
        <translation>本申报暂无申报材料。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/attachments.py" line="138"/>
        <source>Add documents</source>
        <translation>添加申报材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/attachments.py" line="139"/>
        <source>PDF and photos</source>
        <translation>PDF和照片</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/attachments.py" line="145"/>
        <source>Adding documents…</source>
        <translation>正在添加申报材料…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/attachments.py" line="152"/>
        <source>Remove document</source>
        <translation>删除申报材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/attachments.py" line="153"/>
        <source>Remove “%1” from the working file?</source>
        <translation>从工作文件中删除“%1”？</translation>
    </message>
</context>
<context>
    <name>DocumentsPane</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="632"/>
        <source>The application&apos;s documents</source>
        <translation>申报材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="638"/>
        <source>Click a document to open it beside the form</source>
        <translation>点击文件，在打分表旁打开</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="660"/>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="691"/>
        <source>Choose an application to see its documents.</source>
        <translation>请选择一项申报，查看其申报材料。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="697"/>
        <source>No documents for this application</source>
        <translation>本申报暂无申报材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="737"/>
        <source>“%1” cannot be read from the working file: %2</source>
        <translation>无法从工作文件中读取“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="740"/>
        <source>Opening “%1”…</source>
        <translation>正在打开“%1”…</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/checklist_panel.py" line="114"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>ExplainFlagDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="115"/>
        <source>Explain a flag</source>
        <translation>说明偏离标记</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="134"/>
        <source>No flag waits for an explanation.</source>
        <translation>没有待说明的偏离标记。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="136"/>
        <source>Application: %1</source>
        <translation>申报单位：%1</translation>
    </message>
</context>
<context>
    <name>ExplainFlagForm</name>
    <message>
        <location filename="../../ui/ranking_explain_dialog.ui" line="9"/>
        <source>Flag:</source>
        <translation>标记：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_explain_dialog.ui" line="11"/>
        <source>Written by:</source>
        <translation>说明人：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_explain_dialog.ui" line="14"/>
        <source>The flagged expert</source>
        <translation>被标记的专家</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_explain_dialog.ui" line="15"/>
        <source>The chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_explain_dialog.ui" line="22"/>
        <source>Explanation (required, kept with the result):</source>
        <translation>说明（必填，随结果存档）：</translation>
    </message>
</context>
<context>
    <name>ExportSheetsDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="457"/>
        <source>Export score sheets: %1</source>
        <translation>导出专家打分表：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="461"/>
        <source>%n submitted score sheet(s) of %1, by %2 expert(s), the latest revision of each.</source>
        <translation>
            <numerusform>%1共有%n份已提交的专家打分表，来自%2位专家，每份取最新版本。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="464"/>
        <source>%1 has no submitted score sheet yet: there is nothing to export.</source>
        <translation>%1还没有已提交的专家打分表，无可导出。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="476"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="479"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="484"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="486"/>
        <source>&amp;One PDF per sheet</source>
        <translation>每份打分表一个PDF文件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="487"/>
        <source>One co&amp;mbined file for printing (without digital signatures)</source>
        <translation>合并为一个文件供打印（不含数字签名）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="495"/>
        <source>&amp;Sign each sheet with its expert&apos;s key</source>
        <translation>用评审专家本人的密钥对每份打分表签名(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="505"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="506"/>
        <source>&amp;Open the folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="518"/>
        <source>Folder for the score sheets</source>
        <translation>专家打分表的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="538"/>
        <source>PIN of %1</source>
        <translation>%1的PIN</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="539"/>
        <source>The signing key of %1 is protected by a PIN. Enter it to sign their sheets:</source>
        <translation>%1的签名密钥设有PIN。请输入PIN，以签署其专家打分表：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="558"/>
        <source>Choose an existing folder for the files.</source>
        <translation>请选择一个已存在的文件夹保存文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="567"/>
        <source>Nothing was exported: a PIN was not given.</source>
        <translation>未导出任何文件：未输入PIN。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="598"/>
        <source>The sheets of %1 cannot be signed. %2</source>
        <translation>无法签署%1的专家打分表。%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="601"/>
        <source>The score sheets could not be exported: %1</source>
        <translation>专家打分表导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="605"/>
        <source>Signing and writing the score sheets…</source>
        <translation>正在签署并写出专家打分表…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="605"/>
        <source>Writing the score sheets…</source>
        <translation>正在写出专家打分表…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="624"/>
        <source>Cancelled after %n file(s): the files written are complete; the rest was not written.</source>
        <translation>
            <numerusform>已在写出%n个文件后取消：已写出的文件完整，其余未写出。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="627"/>
        <source>%n file(s) written to %1: %2 signed with their expert&apos;s key; the paper sheets keyed in by the secretariat are not (their signature is on the paper).</source>
        <translation>
            <numerusform>已将%n个文件写入%1：其中%2份由评审专家本人的密钥签名；工作人员录入的纸质打分表未作数字签名（其签名在纸质表上）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="631"/>
        <source>%n file(s) written to %1, each signed with its expert&apos;s key.</source>
        <translation>
            <numerusform>已将%n个文件写入%1，每份均由评审专家本人的密钥签名。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="633"/>
        <source>%n combined file written to %1 for printing (without digital signatures).</source>
        <translation>
            <numerusform>已将%n个合并文件写入%1，供打印（不含数字签名）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="635"/>
        <source>%n file(s) written to %1, not signed.</source>
        <translation>
            <numerusform>已将%n个文件写入%1，未签名。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="638"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="65"/>
        <source>Imported from %1</source>
        <translation>导入自 %1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="78"/>
        <source>The check “%1” was set to “%2” by hand: %3</source>
        <translation>审查项“%1”经人工确认为“%2”：%3</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="83"/>
        <source>Preliminary score %1 → %2</source>
        <translation>初审得分 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="86"/>
        <source>%1 is to score this application</source>
        <translation>%1 被分配评审此申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="88"/>
        <source>%1 stepped aside (conflict of interest): %2</source>
        <translation>%1 申请回避（存在利害关系）：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="91"/>
        <source>A paper score sheet was started</source>
        <translation>开始录入纸质专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="92"/>
        <source>A score sheet was started</source>
        <translation>开始填写专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="95"/>
        <source>Scores entered: %1</source>
        <translation>录入打分：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="98"/>
        <source>Score sheet submitted (revision %1), total %2 points</source>
        <translation>专家打分表已提交（第%1版），合计%2分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="101"/>
        <source>Correction started (revision %1): %2</source>
        <translation>开始更正（第%1版）：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="104"/>
        <source>Paper sheet of %1 keyed (keying %2)</source>
        <translation>已录入%1的纸质专家打分表（第%2次录入）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="107"/>
        <source>the chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="108"/>
        <source>the expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="109"/>
        <source>A flag on %1 explained by %2: %3</source>
        <translation>%2对%1的偏离标记作出说明：%3</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="49"/>
        <source>Normal R&amp;D, production and business</source>
        <translation>正常开展研发、生产和经营活动</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="50"/>
        <source>Sound financial system</source>
        <translation>有健全财务制度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="51"/>
        <source>Branch counted separately</source>
        <translation>单独入统的分公司</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="54"/>
        <source>known header</source>
        <translation>已知列名</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="55"/>
        <source>read by its meaning: check it</source>
        <translation>按列名含义识别，请核对</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="56"/>
        <source>as you mapped it</source>
        <translation>按指定的对应关系</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="57"/>
        <source>ignored</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="58"/>
        <source>kept in each application&apos;s source note</source>
        <translation>随各申报保存在来源备注中</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="59"/>
        <source>unknown</source>
        <translation>未识别</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="62"/>
        <source>note, title or total</source>
        <translation>说明、标题或合计行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="63"/>
        <source>header repeated</source>
        <translation>重复的表头行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="64"/>
        <source>column numbers</source>
        <translation>列序号行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="65"/>
        <source>units</source>
        <translation>单位行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="66"/>
        <source>example row</source>
        <translation>填写示例行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="67"/>
        <source>no applicant name and no credit code</source>
        <translation>未填申报单位名称和统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="70"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="71"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="72"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="73"/>
        <source>Not allowed</source>
        <translation>不予导入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="74"/>
        <source>Rejected</source>
        <translation>数据有误</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="75"/>
        <source>Passed over</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="77"/>
        <source>(ignored)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="78"/>
        <source>(kept as a note)</source>
        <translation>（保存为备注）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="213"/>
        <source>Import applications from Excel</source>
        <translation>从Excel导入申报信息</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="242"/>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="243"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="242"/>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="245"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="242"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="243"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="243"/>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="244"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="244"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="245"/>
        <source>Header</source>
        <translation>列名</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="245"/>
        <source>Read as</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="245"/>
        <source>How</source>
        <translation>识别方式</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="264"/>
        <source>Choose the Excel file</source>
        <translation>选择Excel文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="270"/>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="278"/>
        <source>The template was saved to %1.</source>
        <translation>导入模板已保存至%1。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="297"/>
        <source>No such file: %1</source>
        <translation>找不到文件：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="299"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="307"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="326"/>
        <source>Not imported: %n column(s) hold data the application does not know.</source>
        <translation>
            <numerusform>未导入：有 %n 列含有无法识别的数据。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="342"/>
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="349"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="350"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="363"/>
        <source>%1 rows read: %2 valid, %3 rejected.</source>
        <translation>共读取 %1 行：有效 %2 行，拒绝 %3 行。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="365"/>
        <source>The import will add %1, update %2 and leave %3 unchanged.</source>
        <translation>导入后将新增%1条、更新%2条，%3条无变化。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="369"/>
        <source>%n row(s) holding no application (notes, titles, totals) are passed over.</source>
        <translation>
            <numerusform>另有%n行不含申报信息（说明、标题、合计等），已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="376"/>
        <source>Required columns missing: %1.</source>
        <translation>缺少必填列：%1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="378"/>
        <source>%n row(s) cannot be imported: a decision was already taken on them.</source>
        <translation>
            <numerusform>%n行已作出相关决定，不予导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="381"/>
        <source>Import all is possible only when no row is rejected; or import the valid rows and save the rejected ones to fix them.</source>
        <translation>只有在没有被拒绝的行时才能全部导入；也可以只导入有效行，并把被拒绝的行另存下来修改。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="394"/>
        <source>Read from sheet “%1”, header in row %2.</source>
        <translation>读取的是工作表“%1”，表头在第%2行。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="411"/>
        <source>Columns with values that cannot be read: %1. Select one of their problems to map that column to another field or to ignore it.</source>
        <translation>以下列有无法识别的值：%1。选中其中一条问题，可将该列改为对应其他字段，或不导入该列。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="419"/>
        <source>Changes: %1</source>
        <translation>变更：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="454"/>
        <source>remembered</source>
        <translation>已记住的对应关系</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="465"/>
        <source>(no header)</source>
        <translation>（无列名）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="471"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="508"/>
        <source>Row %1: %2</source>
        <translation>第%1行：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="520"/>
        <source>Column %1 “%2”, read as “%3”: %4 row(s) hold a value that cannot be read, such as “%5”.</source>
        <translation>%1列“%2”按“%3”读取，有%4行的值无法识别，如“%5”。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="529"/>
        <source>Column %1 “%2” was read as “%3”, but some of its values cannot be read as that. Say what the column holds, or ignore it.</source>
        <translation>%1列“%2”按“%3”读取，但部分值无法按此识别。请指定该列对应的字段，或不导入该列。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="556"/>
        <source>Forgetting…</source>
        <translation>正在删除记住的对应关系…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="578"/>
        <source>Save the rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="595"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="606"/>
        <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
        <translation>导入完成：新增 %1，更新 %2，未变 %3。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="609"/>
        <source>Nothing new: the working file already holds these applications.</source>
        <translation>没有新的数据：工作文件中已有这些申报信息。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="611"/>
        <source>The %n rejected row(s) were saved to %1, with their row numbers and what is wrong; corrected there, that file imports as it is.</source>
        <translation>
            <numerusform>有误的%n行已保存至%1，保留原行号和错误原因；在该文件中改正后可直接导入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportForm</name>
    <message>
        <location filename="../../ui/import_dialog.ui" line="9"/>
        <source>E&amp;xcel file:</source>
        <translation>Excel文件(&amp;X)：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="13"/>
        <source>Type or paste the path of an .xlsx file and press Enter, or choose it</source>
        <translation>输入或粘贴.xlsx文件的路径后按回车，或点击“选择”</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="16"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="17"/>
        <source>Save &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="20"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="23"/>
        <source>Rows without a &amp;year belong to</source>
        <translation>未填年度的行归入(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="41"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="44"/>
        <source>What the import will do with each row, before anything is written.</source>
        <translation>写入前逐行列出导入结果。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="56"/>
        <source>Pro&amp;blems</source>
        <translation>问题(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="71"/>
        <source>&amp;Map this column…</source>
        <translation>指定该列对应字段(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="72"/>
        <source>I&amp;gnore this column</source>
        <translation>不导入该列(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="78"/>
        <source>Col&amp;umns</source>
        <translation>各列(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="86"/>
        <source>Remembered column mappings (used for every import into this working file):</source>
        <translation>已记住的列名对应关系（导入本工作文件时均适用）：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="95"/>
        <source>&amp;Forget</source>
        <translation>删除(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="106"/>
        <source>Import &amp;valid rows only…</source>
        <translation>仅导入有效行(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="107"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="105"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="18"/>
        <source>Applied</source>
        <translation>已申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="19"/>
        <source>Rejected in formal review</source>
        <translation>形式审查不通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="20"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="145"/>
        <source>Shortlisted</source>
        <translation>已列为备选单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="21"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="148"/>
        <source>Not selected</source>
        <translation>未列入拟认定名单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="22"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="147"/>
        <source>Selected</source>
        <translation>列入拟认定名单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="23"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="153"/>
        <source>Recognised</source>
        <translation>已认定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="24"/>
        <source>Objection upheld</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="25"/>
        <source>Year 1 passed</source>
        <translation>第一年度考核合格</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="26"/>
        <source>Rectifying</source>
        <translation>整改期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="27"/>
        <source>Accepted</source>
        <translation>通过期末验收</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="28"/>
        <source>Revoked</source>
        <translation>已取消称号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="29"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="156"/>
        <source>Withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="37"/>
        <source>All R1 facts declared yes</source>
        <translation>R1各项均申报为“是”</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="38"/>
        <source>Some R1 fact declared no</source>
        <translation>有R1项申报为“否”</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="39"/>
        <source>Some R1 fact not declared</source>
        <translation>有R1项未申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="47"/>
        <source>Meets R1</source>
        <translation>符合R1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="48"/>
        <source>Fails R1</source>
        <translation>不符合R1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="49"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="136"/>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="57"/>
        <source>University</source>
        <translation>高校</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="58"/>
        <source>Research institute</source>
        <translation>科研院所</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="59"/>
        <source>IP service agency</source>
        <translation>知识产权服务机构</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="66"/>
        <source>Not declared</source>
        <translation>未申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="68"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="70"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="77"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="78"/>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="79"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="80"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="225"/>
        <source>Registered in the district</source>
        <translation>注册登记地在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="81"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="226"/>
        <source>Tax relation in the district</source>
        <translation>税务征管关系在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="82"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="227"/>
        <source>Statistics relation in the district</source>
        <translation>统计关系在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="83"/>
        <source>Independent legal person</source>
        <translation>具有独立法人资格</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="84"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="229"/>
        <source>Independent accounting</source>
        <translation>实行独立核算</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="85"/>
        <source>Good credit</source>
        <translation>符合信用管理相关规定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="86"/>
        <source>Research, production and business carried out normally</source>
        <translation>正常开展研发、生产和经营活动</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="87"/>
        <source>Sound financial system</source>
        <translation>有健全财务制度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="88"/>
        <source>Separately counted branch</source>
        <translation>单独入统的分公司</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="89"/>
        <source>Group / affiliated companies</source>
        <translation>所属集团/关联企业</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="90"/>
        <source>Full-time IP staff</source>
        <translation>专职知识产权工作人员数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="91"/>
        <source>Annual IP budget (RMB)</source>
        <translation>年度知识产权工作经费（不包含人员薪酬，元）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="92"/>
        <source>Senior executive in charge</source>
        <translation>高管负责人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="93"/>
        <source>Independent IP department</source>
        <translation>独立知识产权部门</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="94"/>
        <source>ISO 56005 implemented</source>
        <translation>实施ISO 56005</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="95"/>
        <source>Valid invention patents</source>
        <translation>有效发明专利数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="96"/>
        <source>PCT applications</source>
        <translation>PCT申请数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="97"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="98"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="99"/>
        <source>Application date</source>
        <translation>申报日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="109"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="110"/>
        <source>Updated by import</source>
        <translation>导入更新</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="111"/>
        <source>Check confirmed or overridden</source>
        <translation>人工确认或更改审查结果</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="112"/>
        <source>Preliminary score</source>
        <translation>初审得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="113"/>
        <source>Expert assigned</source>
        <translation>分配评审专家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="114"/>
        <source>Conflict of interest</source>
        <translation>申请回避</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="115"/>
        <source>Score sheet started</source>
        <translation>开始填写专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="116"/>
        <source>Scores entered</source>
        <translation>录入打分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="117"/>
        <source>Score sheet submitted</source>
        <translation>提交专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="118"/>
        <source>Score sheet corrected</source>
        <translation>更正专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="119"/>
        <source>Paper sheet keyed</source>
        <translation>录入纸质专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="120"/>
        <source>Flag explained</source>
        <translation>说明偏离标记</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="121"/>
        <source>On-site visit begun</source>
        <translation>开始现场核查</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="122"/>
        <source>Visit details recorded</source>
        <translation>记录现场核查信息</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="123"/>
        <source>On-site finding recorded</source>
        <translation>记录现场核查结论</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="124"/>
        <source>Evidence added</source>
        <translation>添加现场核查佐证材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="125"/>
        <source>Document added</source>
        <translation>添加申报材料</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="126"/>
        <source>Attachment removed</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="127"/>
        <source>Other change</source>
        <translation>其他更改</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="134"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="135"/>
        <source>Failed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="144"/>
        <source>Formal review failed</source>
        <translation>形式审查不通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="146"/>
        <source>Not shortlisted</source>
        <translation>未列为备选单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="149"/>
        <source>Publicity started</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="150"/>
        <source>Publicity end recounted</source>
        <translation>公示期满日重新计算</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="151"/>
        <source>Objection filed</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="152"/>
        <source>Objection decided</source>
        <translation>异议核实结论</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="154"/>
        <source>Assessed</source>
        <translation>年度考核</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="155"/>
        <source>Support granted</source>
        <translation>给予资金扶持</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="157"/>
        <source>Confirmation withdrawn</source>
        <translation>撤回确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="158"/>
        <source>Shortlist confirmed by the bureau</source>
        <translation>经区知识产权局确认备选单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="159"/>
        <source>List approved by the bureau&apos;s party group</source>
        <translation>经区知识产权局党组研究通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="160"/>
        <source>Support withheld by the bureau</source>
        <translation>区知识产权局决定不予资金扶持</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="161"/>
        <source>Written request for the assessment</source>
        <translation>书面申请年度考核</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="162"/>
        <source>Rectification report</source>
        <translation>整改报告</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="171"/>
        <source>Secretariat</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="172"/>
        <source>Chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="173"/>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="193"/>
        <source>%1 recognition review</source>
        <translation>%1年度认定评审</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="194"/>
        <source>%1 year-1 assessment</source>
        <translation>%1年度第一年度考核</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="195"/>
        <source>%1 year-2 assessment (final acceptance)</source>
        <translation>%1年度第二年度考核（期末验收）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="196"/>
        <source>%1 re-assessment after rectification</source>
        <translation>%1年度整改后重新考核</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="217"/>
        <source>%n place(s)</source>
        <translation>%n个名额</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="222"/>
        <source>The lead applicant is an enterprise</source>
        <translation>牵头申报单位为企业</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="223"/>
        <source>Carries out research, production and business normally</source>
        <translation>正常开展研发、生产和经营活动</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="224"/>
        <source>Has a sound financial system</source>
        <translation>有健全财务制度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="228"/>
        <source>Independent legal person (a separately counted branch counts)</source>
        <translation>具有独立法人资格（单独入统的分公司视同）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="230"/>
        <source>Meets the credit management rules</source>
        <translation>符合信用管理相关规定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="231"/>
        <source>At most 2 co-applicants</source>
        <translation>联合申报单位不超过2家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="232"/>
        <source>Co-applicants are universities, research institutes or IP service agencies</source>
        <translation>联合申报单位为高校、科研院所或知识产权服务机构</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="233"/>
        <source>Not yet recognised as a cultivation or cultivation-and-layout centre</source>
        <translation>未被认定为高价值专利培育中心或培育布局中心</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="234"/>
        <source>No affiliated company recognised</source>
        <translation>关联企业未被认定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="235"/>
        <source>Shares no trade name with a recognised centre (or is not affiliated)</source>
        <translation>与已认定单位不共用字号（或经核实不属关联企业）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="236"/>
        <source>Not within a ban on applying (2 years after revocation or withdrawal)</source>
        <translation>不在禁止申报期内（取消称号或退出后2年）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="248"/>
        <source>The credit code shows an enterprise</source>
        <translation>统一社会信用代码表明为企业</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="249"/>
        <source>The credit code starts with “%1”: not an enterprise</source>
        <translation>统一社会信用代码以“%1”开头，不是企业</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="250"/>
        <source>A separately counted branch: counts as a legal person</source>
        <translation>单独入统的分公司，视同具有独立法人资格</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="251"/>
        <source>%n co-applicant(s)</source>
        <translation>共%n家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="252"/>
        <source>All of an allowed kind</source>
        <translation>类型符合</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="253"/>
        <source>Not of an allowed kind: %1</source>
        <translation>类型不符：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="254"/>
        <source>No recognition on record</source>
        <translation>未查到认定记录</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="255"/>
        <source>Already recognised: %1</source>
        <translation>已被认定：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="256"/>
        <source>No group declared (an empty cell declares none)</source>
        <translation>按申报：未填写所属集团/关联企业（申报为无）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="257"/>
        <source>%2 of the same group “%1” is recognised</source>
        <translation>同属“%1”的%2已被认定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="258"/>
        <source>No recognition on record in “%1”</source>
        <translation>“%1”内未查到认定记录</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="259"/>
        <source>No recognised centre with the same trade name</source>
        <translation>未发现与已认定单位相同的字号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="261"/>
        <source>Same trade name (“%2”) as the recognised %1: check against the recognised list whether they are affiliated</source>
        <translation>与已认定的%1字号相同（“%2”），须对照已认定名单核实是否为关联企业</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="263"/>
        <source>No ban in force</source>
        <translation>无生效的禁止申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="264"/>
        <source>Banned from applying until %1: %2</source>
        <translation>禁止申报至%1前：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="266"/>
        <source>No application date, and %1 has a ban (until %2): check against the application date</source>
        <translation>申报无申报日期，而%1年有禁止申报期（至%2前）：须按申报日期核实</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="275"/>
        <source>Declared yes</source>
        <translation>申报为“是”</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="276"/>
        <source>Declared no</source>
        <translation>申报为“否”</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="277"/>
        <source>Not declared: to confirm by hand</source>
        <translation>未申报，需人工核实</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="294"/>
        <source>A senior executive heads the centre</source>
        <translation>由企业高级管理人员担任中心负责人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="295"/>
        <source>An independent IP department</source>
        <translation>设立独立的知识产权部门</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="296"/>
        <source>At least 3 full-time IP staff</source>
        <translation>专职知识产权工作人员不少于3人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="297"/>
        <source>Implements ISO 56005</source>
        <translation>贯彻ISO 56005创新与知识产权管理指南</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="298"/>
        <source>IP funding of at least 1,000,000 RMB a year (salaries excluded)</source>
        <translation>知识产权工作经费每年不少于100万元（不包含人员薪酬）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="299"/>
        <source>Patent information analysis</source>
        <translation>开展专利信息分析</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="300"/>
        <source>Patent quality and whole-life-cycle management</source>
        <translation>专利质量与全生命周期管理</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="301"/>
        <source>Putting high-value patents into production, with universities and institutes</source>
        <translation>推动高价值专利产业化，与高校、科研院所合作</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="302"/>
        <source>IP finance and protection, with the rights protection bodies</source>
        <translation>知识产权金融与保护，与知识产权维权机构建立常态化沟通机制</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="303"/>
        <source>Demonstration: sharing the experience</source>
        <translation>示范引领：总结推广经验</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="304"/>
        <source>Other measures for cultivating high-value patents</source>
        <translation>其他有利于高价值专利培育及价值实现的措施</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="325"/>
        <source>%n staff</source>
        <translation>%n人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="328"/>
        <source>%1 (10k RMB)</source>
        <translation>%1万元</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="330"/>
        <source>Checked at the annual assessment</source>
        <translation>年度考核时核查</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="342"/>
        <source>Year-1 assessment may be requested</source>
        <translation>可申请第一年度考核</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="343"/>
        <source>Year-2 assessment (final acceptance) may be requested</source>
        <translation>可申请第二年度考核（期末验收）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="344"/>
        <source>Rectification period after the year-1 assessment ends</source>
        <translation>第一年度考核整改期满</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="345"/>
        <source>Rectification period after the year-2 assessment ends</source>
        <translation>第二年度考核整改期满</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="346"/>
        <source>Publicity of the recognition list ends</source>
        <translation>认定名单公示期满</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="347"/>
        <source>Publicity of the list of those who passed ends</source>
        <translation>考核合格名单公示期满</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="350"/>
        <source>Ban ends (may apply again from this day)</source>
        <translation>禁止申报期满（当日起可再申报）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="360"/>
        <source>the statutory holidays of %1 are not entered yet: weekdays counted (provisional)</source>
        <translation>%1年法定节假日安排尚未录入，按周一至周五推算（暂定）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="370"/>
        <source>cannot be computed (too few experts or applications)</source>
        <translation>无法计算（专家或申报不足）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="372"/>
        <source>the experts&apos; rankings agree closely</source>
        <translation>专家排序高度一致</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="374"/>
        <source>the experts&apos; rankings fairly agree</source>
        <translation>专家排序较为一致</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="376"/>
        <source>the experts&apos; rankings agree moderately</source>
        <translation>专家排序一致性一般</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="377"/>
        <source>the experts&apos; rankings agree weakly: discuss</source>
        <translation>专家排序一致性弱，建议讨论</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="384"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="385"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="386"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="387"/>
        <source>stepped aside</source>
        <translation>已申请回避</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="181"/>
        <source>recognition list</source>
        <translation>认定名单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="182"/>
        <source>year-1 support</source>
        <translation>第一年度考核合格名单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="183"/>
        <source>year-2 support</source>
        <translation>第二年度考核合格名单</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="361"/>
        <source>The working file is locked</source>
        <translation>工作文件已锁定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="364"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="367"/>
        <source>Enter the password to go on where you were.</source>
        <translation>请输入密码，回到锁定前的位置继续工作。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="371"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="377"/>
        <source>Show password</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="386"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="391"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="394"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="409"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="85"/>
        <source>Applications</source>
        <translation>申报列表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="87"/>
        <source>Scoring</source>
        <translation>专家打分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="89"/>
        <source>Ranking</source>
        <translation>排名汇总</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="91"/>
        <source>Checklist</source>
        <translation>现场核查</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="145"/>
        <location filename="../../hvp_desktop/gui/main_window.py" line="428"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="146"/>
        <source>&amp;Import applications…</source>
        <translation>导入申报信息(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="148"/>
        <source>Change &amp;password…</source>
        <translation>更改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="149"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="154"/>
        <source>Open &amp;expert package…</source>
        <translation>打开专家数据包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="155"/>
        <source>Re&amp;turn my work…</source>
        <translation>生成回传数据包(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="158"/>
        <source>&amp;Verify a PDF…</source>
        <translation>验证PDF签名(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="160"/>
        <source>&amp;Lock</source>
        <translation>锁定文件(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="161"/>
        <source>Lock when i&amp;dle</source>
        <translation>闲置时自动锁定(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="165"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/main_window.py" line="165"/>
        <source>After %n min</source>
        <translation>
            <numerusform>%n分钟后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="171"/>
        <location filename="../../hvp_desktop/gui/main_window.py" line="429"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="173"/>
        <source>&amp;Round</source>
        <translation>轮次(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="174"/>
        <source>&amp;Places…</source>
        <translation>名额(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="175"/>
        <source>&amp;Shortlist (formal review and R15)…</source>
        <translation>形式审查与确定备选单位(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="178"/>
        <source>Selected &amp;list (R16)…</source>
        <translation>拟认定名单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="179"/>
        <source>Expert pa&amp;nel…</source>
        <translation>专家组(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="181"/>
        <source>On-site chec&amp;klist…</source>
        <translation>现场核查表(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="186"/>
        <source>Pr&amp;epare expert packages…</source>
        <translation>准备专家数据包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="180"/>
        <source>R&amp;ubric…</source>
        <translation>评分表(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="183"/>
        <source>E&amp;xport score sheets…</source>
        <translation>导出专家打分表(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="184"/>
        <source>P&amp;rint score sheets…</source>
        <translation>打印专家打分表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="188"/>
        <source>&amp;Merge return packages…</source>
        <translation>合并专家回传数据包(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="192"/>
        <source>Open an &amp;assessment round…</source>
        <translation>建立考核轮次(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="194"/>
        <source>&amp;Holiday arrangement…</source>
        <translation>节假日安排(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="196"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="198"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="206"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="207"/>
        <source>&amp;About hvp-desktop</source>
        <translation>关于 hvp-desktop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="286"/>
        <source>On-site checklist</source>
        <translation>现场核查表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="287"/>
        <source>A recognition round has no on-site visits: choose an assessment round (year 1, year 2 or re-assessment).</source>
        <translation>认定评审不作现场核查：请选择考核轮次（第一年度、第二年度或整改后重新考核）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="374"/>
        <source>Re-encrypting the working file…</source>
        <translation>正在重新加密工作文件…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="375"/>
        <location filename="../../hvp_desktop/gui/main_window.py" line="377"/>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="376"/>
        <source>The password was changed.</source>
        <translation>密码已更改。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="431"/>
        <source>hvp-desktop — locked</source>
        <translation>hvp-desktop — 已锁定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="446"/>
        <source>Changed outside hvp-desktop</source>
        <translation>文件在本程序之外被改动</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="447"/>
        <source>This working file does not match the record of its history that hvp-desktop keeps beside it: since it was last used here, it was changed outside the app or replaced by an older copy. Its scores and decisions may not be what the panel entered. Have the secretariat run “hvp-desktop check” on it before relying on it.</source>
        <translation>此工作文件与本程序在其旁保存的审计记录不符：自上次在此使用以来，文件在本程序之外被改动，或被较早的副本替换。其中的评分和决定可能并非专家组录入的内容。请秘书处先用本程序的命令行对其作完整性检查，再使用此文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="507"/>
        <source>About hvp-desktop</source>
        <translation>关于 hvp-desktop</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="508"/>
        <source>hvp-desktop %1

The offline tool of the expert panels of the Huangpu district&apos;s High-Value Patent Cultivation and Layout Centre programme.</source>
        <translation>hvp-desktop %1

黄埔区高价值专利培育布局中心评审专家组离线工具。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="176"/>
        <source>Bureau &amp;confirms the shortlist (R15)…</source>
        <translation>区知识产权局确认备选单位(&amp;C)（R15）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="177"/>
        <source>Party &amp;group approves a list (R16/R19)…</source>
        <translation>党组研究通过名单(&amp;G)（R16/R19）…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="867"/>
        <source>Merge return packages</source>
        <translation>合并专家回传数据包</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="871"/>
        <source>The experts&apos; return packages (.hvpkg) go into this file, each whole or not at all: submitted score sheets, declared conflicts, visits and evidence. A package merged before changes nothing; drafts are not taken.</source>
        <translation>专家交回的回传数据包（.hvpkg）并入本文件，每个数据包要么整体并入，要么完全不并入：已提交的打分表、申请回避、现场核查及证据材料。已合并过的数据包再次合并不会改变任何内容；草稿不予并入。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="882"/>
        <source>Drop return packages here, or</source>
        <translation>将回传数据包拖放到此处，或</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="885"/>
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="897"/>
        <source>&amp;Remove from the list</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="905"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="912"/>
        <source>Package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="912"/>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="912"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="912"/>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1064"/>
        <source>Merged</source>
        <translation>已并入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="912"/>
        <source>Superseded</source>
        <translation>新修订版</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="913"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="913"/>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1065"/>
        <source>Refused</source>
        <translation>不予并入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="913"/>
        <source>Unknown</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="913"/>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="928"/>
        <source>What was refused or not known, and why, is listed here.</source>
        <translation>不予并入或无法识别的内容及原因列于此处。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="938"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="970"/>
        <source>Choose return packages</source>
        <translation>选择回传数据包</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="971"/>
        <source>Packages (*.hvpkg);;All files (*)</source>
        <translation>数据包 (*.hvpkg);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="991"/>
        <source>%n file(s) to merge</source>
        <translation>
            <numerusform>待合并 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1056"/>
        <source>The packages could not be merged: %1</source>
        <translation>数据包未能合并：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1060"/>
        <source>Merging the return packages…</source>
        <translation>正在合并回传数据包…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1064"/>
        <source>Nothing new</source>
        <translation>无新内容</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1065"/>
        <source>Older than one merged before</source>
        <translation>早于已合并的数据包</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1078"/>
        <source>%1: the whole package was refused: %2</source>
        <translation>%1：整个数据包不予并入：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1085"/>
        <source>sheet revision %1</source>
        <translation>第%1版打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1086"/>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1121"/>
        <source>declared conflict</source>
        <translation>申请回避</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1087"/>
        <source>%1 (%2), %3 refused: %4</source>
        <translation>%1（%2），%3不予并入：%4</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1090"/>
        <source>%1 (%2): a %3 names an application or record this file does not know (%4); it was not taken.</source>
        <translation>%1（%2）：一条%3指向本文件中没有的申报或记录（%4），未予并入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1109"/>
        <source>%n package(s): %1 refused whole; %2 sheet(s) merged, %3 superseding an earlier revision, %4 unchanged, %5 refused, %6 not known.</source>
        <translation>
            <numerusform>共 %n 个数据包：%1 个整体不予并入；并入打分表 %2 份，其中新修订版 %3 份；无变化 %4 份，不予并入 %5 份，无法识别 %6 份。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1114"/>
        <source>Nothing was refused.</source>
        <translation>没有不予并入的内容。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1121"/>
        <source>score sheet</source>
        <translation>打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1121"/>
        <source>visit</source>
        <translation>现场核查</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1122"/>
        <source>finding</source>
        <translation>核查意见</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="1122"/>
        <source>evidence file</source>
        <translation>证据文件</translation>
    </message>
</context>
<context>
    <name>NewFileForm</name>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="9"/>
        <source>The working file is encrypted with this password. Without it nobody, including you, can open the file again: keep it safe.</source>
        <translation>工作文件将用此密码加密。没有密码，任何人（包括您自己）都无法再打开文件，请妥善保管。</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="15"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="19"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="22"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="24"/>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="26"/>
        <source>Show password</source>
        <translation>显示密码</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="282"/>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="298"/>
        <source>New working file</source>
        <translation>新建工作文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="282"/>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="294"/>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="287"/>
        <source>The file will be re-encrypted with the new password. Keep the new password safe: the old one will no longer open the file.</source>
        <translation>文件将用新密码重新加密。请妥善保管新密码：旧密码将无法再打开此文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="294"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="315"/>
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="318"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="323"/>
        <source>Choose where to save the new file.</source>
        <translation>请选择新文件的保存位置。</translation>
    </message>
</context>
<context>
    <name>OpenPackageDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="418"/>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="683"/>
        <source>Open expert package</source>
        <translation>打开专家数据包</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="428"/>
        <source>The secretariat gives you the package (a .hvpkg file, on a USB stick or by e-mail) and, separately, a hand-over slip with its one-time passphrase.</source>
        <translation>秘书处会交给您数据包（.hvpkg 文件，通过U盘或电子邮件），并另行交给您一张印有一次性口令的交接单。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="435"/>
        <source>Path of a *.hvpkg package</source>
        <translation>*.hvpkg 数据包的路径</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="437"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="440"/>
        <source>&amp;Package:</source>
        <translation>数据包(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="447"/>
        <source>Pass&amp;phrase:</source>
        <translation>口令(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="450"/>
        <source>As printed on the slip: capitals or not, with or without the spaces and dashes.</source>
        <translation>按交接单上印的输入：不区分大小写，空格与短横线可输可不输。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="470"/>
        <source>Where it goes</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="472"/>
        <source>Create my &amp;working file from it</source>
        <translation>用它创建我的工作文件(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="473"/>
        <source>Bring the &amp;open file up to date</source>
        <translation>更新当前打开的文件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="484"/>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="487"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="492"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="498"/>
        <source>R&amp;epeat:</source>
        <translation>再次输入(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="501"/>
        <source>Show password</source>
        <translation>显示密码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="505"/>
        <source>Your working file is encrypted with this password (at least %n characters). Without it nobody, including you, can open the file again.</source>
        <translation>
            <numerusform>您的工作文件用此密码加密（至少 %n 个字符）。没有密码，任何人（包括您本人）都无法再打开该文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="530"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="531"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="532"/>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="653"/>
        <source>&amp;Create and open</source>
        <translation>创建并打开(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="545"/>
        <source>Choose the expert package</source>
        <translation>选择专家数据包</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="577"/>
        <source>Choose the package file first.</source>
        <translation>请先选择数据包文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="581"/>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="585"/>
        <source>Type the passphrase from the hand-over slip.</source>
        <translation>请输入交接单上的口令。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="609"/>
        <source>The package cannot be read: %1</source>
        <translation>无法读取数据包：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="611"/>
        <source>Opening the package…</source>
        <translation>正在打开数据包…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="622"/>
        <source>This package is for %1: %n application(s) of %2 to score.</source>
        <translation>
            <numerusform>此数据包属于%1：%2中待评分的申报 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="625"/>
        <source>Panel root fingerprint: %1 — check that it is the one on your hand-over slip; if not, stop and call the secretariat.</source>
        <translation>专家组根证书指纹：%1 —— 请核对与交接单上的一致；不一致时请停止操作，并联系秘书处。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="630"/>
        <source>The open file %1 is yours: what is new in the package is added to it; your scores and notes stay as you left them.</source>
        <translation>当前打开的文件 %1 是您本人的：数据包中的新内容将加入其中，您已有的评分和备注保持不变。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="634"/>
        <source>The open file belongs to another expert: the package cannot go into it.</source>
        <translation>当前打开的文件属于另一位专家，数据包不能导入其中。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="636"/>
        <source>The open file is not an expert&apos;s own file.</source>
        <translation>当前打开的文件不是专家本人的工作文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="653"/>
        <source>&amp;Bring up to date</source>
        <translation>更新(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="656"/>
        <source>My working file</source>
        <translation>我的工作文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="684"/>
        <source>Your file is up to date with the package: %n record(s) added.</source>
        <translation>
            <numerusform>您的文件已按数据包更新：新增 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="698"/>
        <source>Bringing the file up to date…</source>
        <translation>正在更新文件…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="704"/>
        <source>Choose where to save your working file.</source>
        <translation>请选择工作文件的保存位置。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="709"/>
        <source>%1 exists already. Choose another name, or open that file and bring it up to date from there.</source>
        <translation>%1 已存在。请换一个文件名，或打开该文件后在其中更新。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="714"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="717"/>
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="721"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="750"/>
        <source>Your working file was not created: %1</source>
        <translation>工作文件未创建：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="752"/>
        <source>Creating your working file…</source>
        <translation>正在创建您的工作文件…</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="298"/>
        <source>Found by the app: %1</source>
        <translation>程序审查发现：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="302"/>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="305"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>PackageDialogs</name>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="781"/>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="782"/>
        <source>Score sheets: %n</source>
        <translation>打分表：%n 份</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="783"/>
        <source>Submitted: %n</source>
        <translation>已提交：%n 份</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="784"/>
        <source>Declared conflicts: %n</source>
        <translation>申请回避：%n 项</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="785"/>
        <source>On-site visits: %n</source>
        <translation>现场核查：%n 次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="786"/>
        <source>Evidence files: %n</source>
        <translation>证据文件：%n 个</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="788"/>
        <source>%n sheet(s) are still drafts: the panel takes only submitted sheets.</source>
        <translation>%n 份打分表仍是草稿：专家组只接收已提交的打分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="790"/>
        <source>Give this file to the secretariat (USB stick or e-mail): it is signed with your key and encrypted so that only the panel&apos;s file opens it.</source>
        <translation>请将此文件交给秘书处（U盘或电子邮件）：它已用您的密钥签名，并已加密，只有专家组的工作文件能打开。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="800"/>
        <source>Return my work</source>
        <translation>生成回传数据包</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="803"/>
        <source>This is not an expert&apos;s own working file: there is no work to return from it.</source>
        <translation>这不是专家本人的工作文件，没有可回传的评审工作。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="810"/>
        <source>Your signing key is protected by a PIN. Enter it to sign the package:</source>
        <translation>您的签名密钥受PIN保护。请输入PIN以签署数据包：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="823"/>
        <source>Save the return package</source>
        <translation>保存回传数据包</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="842"/>
        <source>Signing and sealing your work…</source>
        <translation>正在签名并加密您的评审工作…</translation>
    </message>
</context>
<context>
    <name>PanelDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="27"/>
        <source>Expert panel</source>
        <translation>专家组</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="31"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="31"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="31"/>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="32"/>
        <source>Seat</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="50"/>
        <source>Chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="50"/>
        <source>Member</source>
        <translation>组员</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="84"/>
        <source>Expert added.</source>
        <translation>已添加专家。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="89"/>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="96"/>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="107"/>
        <source>Choose an expert first.</source>
        <translation>请先选择专家。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="91"/>
        <source>Seat saved.</source>
        <translation>身份已保存。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="102"/>
        <source>Assigned to %n application(s).</source>
        <translation>
            <numerusform>已分配评审 %n 件申报。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="111"/>
        <source>Conflict recorded; the assignment was withdrawn.</source>
        <translation>回避已登记，相应的评审分配已撤回。</translation>
    </message>
</context>
<context>
    <name>PanelForm</name>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="15"/>
        <source>Seat as member</source>
        <translation>设为组员</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="16"/>
        <source>Seat as chair</source>
        <translation>设为组长</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="17"/>
        <source>Assign to every application under expert review</source>
        <translation>分配评审本轮所有进入专家评审的申报</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="23"/>
        <source>New expert</source>
        <translation>新增专家</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="25"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="26"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="27"/>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="28"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="34"/>
        <source>Conflict of interest recorded by the secretary</source>
        <translation>工作人员登记的回避（存在利害关系）</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="37"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="38"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="39"/>
        <source>Paper sheet</source>
        <translation>纸质专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="42"/>
        <source>Expert: %1 · Application: %2</source>
        <translation>专家：%1 · 申报单位：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="44"/>
        <source>Rubric: %1</source>
        <translation>评分表：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="45"/>
        <source>First keying</source>
        <translation>第一次录入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="46"/>
        <source>Second keying</source>
        <translation>第二次录入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="54"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="54"/>
        <source>Criterion</source>
        <translation>二级指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="54"/>
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="54"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="55"/>
        <source>Comment on paper</source>
        <translation>纸面有评语</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="134"/>
        <source>Total of this keying: %1 / %2</source>
        <translation>本次录入合计：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="144"/>
        <source>%1: not keyed</source>
        <translation>%1：尚未录入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="150"/>
        <source>%1: the rubric asks for a comment on this score; a sheet without it is not accepted</source>
        <translation>%1：按评分表此分值须有评语，缺评语的打分表不予采用</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="172"/>
        <source>Keying saved.</source>
        <translation>本次录入已保存。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="188"/>
        <source>The keyings differ in %1 (highlighted): check the paper sheet and key again.</source>
        <translation>两次录入在 %1 处不一致（已标出）：请核对纸质专家打分表后重新录入。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="191"/>
        <source>Both keyings agree.</source>
        <translation>两次录入一致。</translation>
    </message>
</context>
<context>
    <name>PaperEntryForm</name>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="12"/>
        <source>A paper sheet is keyed twice, by two people or at two times, without seeing the other keying. It counts only when both keyings agree. Type a score and press Enter for the next one; tick the comment where the expert wrote one.</source>
        <translation>纸质专家打分表须由两人或分两次独立录入，录入时看不到另一次的内容；两次录入一致后方可采用。输入分值后按回车进入下一项；专家写有评语的，请勾选“纸面有评语”。</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="17"/>
        <source>Keying:</source>
        <translation>录入：</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="32"/>
        <source>Save this keying</source>
        <translation>保存本次录入</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="33"/>
        <source>Compare the keyings</source>
        <translation>比对两次录入</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="35"/>
        <source>Accept as the expert&apos;s sheet</source>
        <translation>采用为该专家的打分表</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="36"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PdfDialogs</name>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="94"/>
        <source>The file is too large to be a score sheet or a result (more than 200 MB).</source>
        <translation>文件过大（超过200 MB），不是专家打分表或评审结果。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="99"/>
        <source>The file cannot be read: %1</source>
        <translation>无法读取该文件：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="105"/>
        <source>The PDF cannot be checked: %1</source>
        <translation>无法验证该PDF：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="671"/>
        <source>Print score sheets</source>
        <translation>打印专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="672"/>
        <source>%1 has no submitted score sheet yet.</source>
        <translation>%1还没有已提交的专家打分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="675"/>
        <source>Score sheets of %1</source>
        <translation>%1专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="677"/>
        <source>Preparing the score sheets for printing…</source>
        <translation>正在准备打印专家打分表…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="686"/>
        <source>Preparing the sheet for printing…</source>
        <translation>正在准备打印专家打分表…</translation>
    </message>
</context>
<context>
    <name>PlacesDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="77"/>
        <source>Places of %1</source>
        <translation>%1 的名额</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/round_actions.py" line="83"/>
        <source>Places (at most %n):</source>
        <translation>
            <numerusform>名额（至多 %n 个）：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="129"/>
        <source>Prepare expert packages: %1</source>
        <translation>准备专家数据包：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="132"/>
        <source>One package for each expert of the round&apos;s panel who has applications to score: the applications and their documents, the rubric, the checklist and the expert&apos;s signing certificate, signed with the panel&apos;s root. Each package is encrypted with its own one-time passphrase, shown once afterwards and printed on a hand-over slip.</source>
        <translation>为本轮专家组中有待评申报的每位专家各生成一个数据包：含申报及其材料、评分细则、核查清单和该专家的签名证书，由专家组根证书签名。每个数据包用各自的一次性口令加密，口令只在生成后显示一次，并打印在交接单上。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="144"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="147"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="156"/>
        <source>&amp;Prepare packages</source>
        <translation>生成数据包(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="166"/>
        <source>Folder for the expert packages</source>
        <translation>专家数据包的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="176"/>
        <source>Choose a folder for the packages.</source>
        <translation>请选择数据包的保存文件夹。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="181"/>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 是文件，不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="193"/>
        <source>No package was made: no expert of the round&apos;s panel has an application to score (or it was cancelled before the first).</source>
        <translation>未生成任何数据包：本轮专家组中没有专家有待评申报（或在第一个生成前已取消）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="207"/>
        <source>The packages could not be written: %1</source>
        <translation>数据包未能写出：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="211"/>
        <source>Preparing the expert packages…</source>
        <translation>正在生成专家数据包…</translation>
    </message>
</context>
<context>
    <name>PreparedDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="231"/>
        <source>Expert packages of %1</source>
        <translation>%1的专家数据包</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="234"/>
        <source>%n package(s) written to %1.</source>
        <translation>
            <numerusform>已向 %1 写出 %n 个数据包。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="240"/>
        <source>The passphrases are shown only now: they are stored nowhere, not even in this file. Save or print the hand-over slips before you close this window; give each expert the package and the slip separately.</source>
        <translation>口令仅在此时显示：任何地方（包括本文件）都不保存口令。关闭此窗口前请保存或打印交接单；数据包与交接单请分开交给每位专家。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="247"/>
        <source>Panel root fingerprint (on every slip): %1</source>
        <translation>专家组根证书指纹（每张交接单上都有）：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="253"/>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="253"/>
        <source>Applications</source>
        <translation>申报数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="253"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="254"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="254"/>
        <source>Signing certificate</source>
        <translation>签名证书</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="263"/>
        <source>Issued now</source>
        <translation>本次签发</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="263"/>
        <source>Already issued</source>
        <translation>此前已签发</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="276"/>
        <source>Passphrase of %1</source>
        <translation>%1的口令</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="294"/>
        <source>&amp;Save hand-over slips as PDF…</source>
        <translation>将交接单保存为PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="296"/>
        <source>&amp;Print hand-over slips…</source>
        <translation>打印交接单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="298"/>
        <source>&amp;Open the folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="319"/>
        <source>Save the hand-over slips</source>
        <translation>保存交接单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="320"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="328"/>
        <source>The slips could not be saved: %1</source>
        <translation>交接单未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="332"/>
        <source>Hand-over slips saved to %1. Print them, then delete the file: it holds the passphrases.</source>
        <translation>交接单已保存到 %1。打印后请删除该文件：其中有口令。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="338"/>
        <source>Hand-over slips of %1</source>
        <translation>%1的交接单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/package_dialogs.py" line="353"/>
        <source>The hand-over slips were neither saved nor printed. Once this window is closed the passphrases cannot be shown again: the packages would have to be prepared anew. Close anyway?</source>
        <translation>交接单既未保存也未打印。关闭此窗口后口令将无法再次显示，只能重新生成数据包。仍要关闭吗？</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../hvp_desktop/gui/printing.py" line="72"/>
        <source>The PDF cannot be read.</source>
        <translation>无法读取该PDF。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/printing.py" line="161"/>
        <source>The printer cannot be used.</source>
        <translation>无法使用该打印机。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/printing.py" line="204"/>
        <location filename="../../hvp_desktop/gui/printing.py" line="268"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/printing.py" line="207"/>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/printing.py" line="215"/>
        <location filename="../../hvp_desktop/gui/printing.py" line="221"/>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第%1页，共%2页…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/printing.py" line="216"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/printing.py" line="268"/>
        <source>The document could not be prepared for printing: %1</source>
        <translation>文档无法准备打印：%1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../hvp_desktop/gui/qt_texts.py" line="10"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/qt_texts.py" line="8"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/qt_texts.py" line="9"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RankingCharts</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="117"/>
        <source>Aggregate %1</source>
        <translation>汇总分 %1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="135"/>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="195"/>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="242"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="153"/>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="216"/>
        <source>No submitted sheet counts yet.</source>
        <translation>尚无计入的已提交专家打分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="170"/>
        <source>Aggregate</source>
        <translation>汇总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="191"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="219"/>
        <source>Totals per expert</source>
        <translation>各专家总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="261"/>
        <source>No leniency yet: it needs submitted sheets of several experts on the same applications.</source>
        <translation>尚无宽严度：需有多位专家对相同申报提交的专家打分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="264"/>
        <source>Mean difference from the other experts</source>
        <translation>与其他专家平均之差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="286"/>
        <source>Points (positive: more lenient)</source>
        <translation>分（正值表示偏宽）</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="188"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="189"/>
        <source>Application</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="190"/>
        <source>Score</source>
        <translation>汇总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="191"/>
        <source>Preliminary score</source>
        <translation>初审得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="192"/>
        <source>Sheets</source>
        <translation>打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="193"/>
        <source>Range</source>
        <translation>极差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="194"/>
        <source>Std dev</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="195"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="196"/>
        <source>Line</source>
        <translation>线内外</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="197"/>
        <source>Recorded state</source>
        <translation>记录状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="200"/>
        <source>The aggregated score, by the round&apos;s method</source>
        <translation>按本轮汇总方法计算的汇总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="201"/>
        <source>Submitted sheets that count / sheets expected</source>
        <translation>计入的已提交专家打分表 / 应交专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="202"/>
        <source>Highest minus lowest expert total</source>
        <translation>专家总分最高与最低之差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="203"/>
        <source>Standard deviation of the expert totals</source>
        <translation>专家总分的标准差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="204"/>
        <source>Deviations that need a written explanation before the result is confirmed</source>
        <translation>确认评审结果前须书面说明的偏离</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="286"/>
        <source>%1&apos;s total on each application</source>
        <translation>%1对各申报的总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="288"/>
        <source>Chair of the panel</source>
        <translation>评审组组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="290"/>
        <source>Leniency: %1 points from the other experts&apos; mean on average</source>
        <translation>宽严度：平均与其他专家相差 %1 分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="357"/>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="383"/>
        <source>No submitted sheet</source>
        <translation>无已提交的专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="384"/>
        <source>No preliminary score</source>
        <translation>无初审得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="388"/>
        <source>Tied at the line</source>
        <translation>线上并列待定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="390"/>
        <source>Passes</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="390"/>
        <source>Fails</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="392"/>
        <source>Shortlisted</source>
        <translation>列为备选单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="392"/>
        <source>Not shortlisted</source>
        <translation>未列为备选单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="394"/>
        <source>Inside</source>
        <translation>名额内</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="394"/>
        <source>Outside</source>
        <translation>名额外</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="396"/>
        <source>placed by the chair</source>
        <translation>组长定序</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="422"/>
        <source>%1: total %2</source>
        <translation>%1：总分 %2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="425"/>
        <source>%1: sheet not submitted yet (draft or not started)</source>
        <translation>%1：专家打分表尚未提交（草稿或未开始）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="427"/>
        <source>%1: conflict of interest, does not score</source>
        <translation>%1：已申请回避（存在利害关系），不打分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="429"/>
        <source>%1: not assigned</source>
        <translation>%1：未分配</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="437"/>
        <source>Waiting for: %1</source>
        <translation>待提交：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="440"/>
        <source>Tied across the line with the same score: the chair decides the order, with a written reason (Decide tie…)</source>
        <translation>同分并列跨越分界线：由组长决定顺序并写明理由（“决定并列…”）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="443"/>
        <source>Order decided by the chair: %1</source>
        <translation>组长决定的顺序，理由：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="445"/>
        <source>The line runs under this row: %1</source>
        <translation>分界线在此行下方：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="455"/>
        <source>Not explained yet</source>
        <translation>尚未说明</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="107"/>
        <source>Expert review</source>
        <translation>专家评审</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="108"/>
        <source>Preliminary scores (R15)</source>
        <translation>初审得分（R15）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="171"/>
        <source>No round has an expert panel yet (Round → Expert panel…).</source>
        <translation>还没有组建专家组的轮次（轮次 → 专家组…）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="185"/>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="190"/>
        <source>Computing the ranking…</source>
        <translation>正在计算排名…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="204"/>
        <source>Ranking</source>
        <translation>排名汇总</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="234"/>
        <source>Preliminary scores (Annex 2) ranked with the R15 shortlist line; the recorded state shows what the formal review decided.</source>
        <translation>按初审得分（附件2）排序并画出R15备选单位分数线；“记录状态”列为形式审查和确定备选单位的实际记录。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="248"/>
        <source>Method: %1 · outlier margin %2 points</source>
        <translation>汇总方法：%1 · 偏离阈值 %2 分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="251"/>
        <source>ties compared on %1</source>
        <translation>并列时依次比较：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="254"/>
        <source>Kendall&apos;s W %1: %2</source>
        <translation>肯德尔W = %1：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="256"/>
        <source>Agreement of the experts&apos; rankings of the same applications: 0 none, 1 complete</source>
        <translation>专家对相同申报排序的一致程度：0 为毫无一致，1 为完全一致</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="258"/>
        <source>Sensitivity: %1</source>
        <translation>方法敏感性：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="259"/>
        <source>Which applications would cross the line if the round were aggregated by one of the other two methods</source>
        <translation>若本轮改用另外两种汇总方法，哪些申报会越过分界线</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="262"/>
        <source>Leniency (mean difference from the other experts): %1</source>
        <translation>宽严度（与其他专家平均之差）：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="319"/>
        <source>The preliminary stage is read-only: choose the expert review stage.</source>
        <translation>初审阶段只供查看：请切换到专家评审阶段。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="341"/>
        <source>No flag waits for an explanation.</source>
        <translation>没有待说明的偏离标记。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="343"/>
        <source>No tie at the line to decide.</source>
        <translation>名额线处没有需要决定的并列。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="345"/>
        <source>Not ready:</source>
        <translation>尚不能确认评审结果：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="390"/>
        <source>&amp;PDF</source>
        <translation>PDF(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="269"/>
        <source>Not ready to confirm the result: %1</source>
        <translation>尚不能确认评审结果：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="272"/>
        <source>Ready to confirm the result: every sheet is in, every flag explained, no open tie at the line.</source>
        <translation>可以确认评审结果：专家打分表均已提交，偏离标记均已说明，分界线处没有待决定的并列。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="280"/>
        <source>Result confirmed on %1: locked</source>
        <translation>评审结果已于%1确认：已锁定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="285"/>
        <source>Confirmation withdrawn on %1: %2</source>
        <translation>已于%1撤回确认：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="288"/>
        <source>Result not confirmed yet</source>
        <translation>评审结果尚未确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="293"/>
        <source>Result confirmed on %1 (%2)</source>
        <translation>评审结果于%1确认（%2）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="296"/>
        <source>confirmation withdrawn on %1: %2</source>
        <translation>于%1撤回确认：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="324"/>
        <source>Locked since %1: withdraw the confirmation first.</source>
        <translation>自%1起已锁定：须先撤回确认。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="346"/>
        <source>The result is not confirmed.</source>
        <translation>评审结果尚未确认。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="357"/>
        <source>%1 ranking.xlsx</source>
        <translation>%1排名汇总.xlsx</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="358"/>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="376"/>
        <source>Export the ranking</source>
        <translation>导出排名汇总</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="359"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="373"/>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="466"/>
        <source>Exported to %1</source>
        <translation>已导出：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="377"/>
        <source>The workbook could not be written: %1</source>
        <translation>无法写入工作簿：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="379"/>
        <source>Writing the ranking workbook…</source>
        <translation>正在写入排名汇总工作簿…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="392"/>
        <source>&amp;Print result…</source>
        <translation>打印评审结果(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="394"/>
        <source>&amp;Export result PDF…</source>
        <translation>导出评审结果PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="397"/>
        <source>E&amp;xport score sheets…</source>
        <translation>导出专家打分表(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="399"/>
        <source>P&amp;rint score sheets…</source>
        <translation>打印专家打分表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="425"/>
        <source>Result of %1</source>
        <translation>%1评审结果</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="437"/>
        <source>Preparing the result for printing…</source>
        <translation>正在准备打印评审结果…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="452"/>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="469"/>
        <source>Export the result as PDF</source>
        <translation>导出评审结果PDF</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="453"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="470"/>
        <source>The PDF could not be written: %1</source>
        <translation>PDF文件写出失败：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="472"/>
        <source>Writing the result PDF…</source>
        <translation>正在写出评审结果PDF…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="496"/>
        <source>Choose an application in the table.</source>
        <translation>请在表中选择一件申报。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="503"/>
        <source>No submitted sheet counts yet.</source>
        <translation>尚无计入的已提交专家打分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="507"/>
        <source>Rank %1 · aggregate %2 · range %3 · std dev %4</source>
        <translation>第%1名 · 汇总分 %2 · 极差 %3 · 标准差 %4</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="515"/>
        <source>No flag: the experts agree within the margin.</source>
        <translation>无偏离标记：专家打分均在阈值之内。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="527"/>
        <source>Largest difference: %1, %2 gave %3 and %4 gave %5 (a difference of %6)</source>
        <translation>差异最大的指标：%1，%2 给 %3 分，%4 给 %5 分（相差 %6 分）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="537"/>
        <source>Waiting for: %1</source>
        <translation>待提交：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="550"/>
        <source>Not explained yet</source>
        <translation>尚未说明</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="557"/>
        <source>Explain…</source>
        <translation>说明…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="599"/>
        <source>Confirm the result</source>
        <translation>确认评审结果</translation>
    </message>
</context>
<context>
    <name>RankingPanelForm</name>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="13"/>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="15"/>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="43"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="66"/>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="92"/>
        <source>All applications</source>
        <translation>全部申报</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="96"/>
        <source>Experts&apos; totals</source>
        <translation>专家打分分布</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="100"/>
        <source>Leniency</source>
        <translation>宽严度</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="112"/>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="113"/>
        <source>Explain flag…</source>
        <translation>说明标记…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="114"/>
        <source>Decide tie…</source>
        <translation>决定并列…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="115"/>
        <source>Confirm the result…</source>
        <translation>确认评审结果…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="116"/>
        <source>Withdraw the confirmation…</source>
        <translation>撤回确认…</translation>
    </message>
</context>
<context>
    <name>RankingSettingsForm</name>
    <message>
        <location filename="../../ui/ranking_settings_dialog.ui" line="9"/>
        <source>Aggregation method:</source>
        <translation>汇总方法：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_settings_dialog.ui" line="11"/>
        <source>Outlier margin:</source>
        <translation>偏离阈值：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_settings_dialog.ui" line="17"/>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_settings_dialog.ui" line="23"/>
        <source>The trimmed mean drops one highest and one lowest total when there are at least 5 sheets. An expert whose total is further than the margin from the other experts&apos; mean is flagged.</source>
        <translation>截尾平均：专家打分表不少于5份时，去掉一个最高分和一个最低分后取平均。专家总分与其他专家平均之差超过阈值的，予以标记。</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_settings_dialog.ui" line="27"/>
        <source>Tie-break order: equal scores are compared on the ticked rubric sections, top first.</source>
        <translation>并列处理顺序：汇总分相同时，依次比较勾选的一级指标得分（自上而下）。</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_settings_dialog.ui" line="34"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_settings_dialog.ui" line="35"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>RankingText</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="47"/>
        <source>Mean</source>
        <translation>算术平均</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="48"/>
        <source>Trimmed mean</source>
        <translation>截尾平均</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="49"/>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="56"/>
        <source>the mean</source>
        <translation>算术平均</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="57"/>
        <source>the trimmed mean</source>
        <translation>截尾平均</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="58"/>
        <source>the median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="65"/>
        <source>places line</source>
        <translation>名额线</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="66"/>
        <source>shortlist line</source>
        <translation>备选单位分数线</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="67"/>
        <source>pass mark</source>
        <translation>合格线</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="74"/>
        <source>%1 places line: %2 (%3 inside)</source>
        <translation>%1 名额线：%2（线内%3家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="77"/>
        <source>%1 pass mark: %2 points (%3 pass)</source>
        <translation>%1 合格线：%2分（合格%3家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="81"/>
        <source>%1: fewer than %2 applied, all go to expert review</source>
        <translation>%1：申报不足%2家，全部进入专家评审</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="83"/>
        <source>%1 shortlist line: at least %2, ties kept (%3 shortlisted)</source>
        <translation>%1 备选单位分数线：不少于%2家，线上并列全部列入（列为备选单位%3家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="102"/>
        <source>%1: total %2 points from the other experts&apos; mean</source>
        <translation>%1：总分与其他专家平均相差 %2 分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="104"/>
        <source>%1: criterion %2, %3 points from the other experts&apos; mean</source>
        <translation>%1：指标 %2 与其他专家平均相差 %3 分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="110"/>
        <source>the expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="111"/>
        <source>the chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="112"/>
        <source>Explained by %1 on %2: %3</source>
        <translation>%1于%2说明：%3</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="115"/>
        <source>(written for an earlier deviation: explain again)</source>
        <translation>（针对此前的偏离，须重新说明）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="122"/>
        <source> and %1 more</source>
        <translation> 等另外%1家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="133"/>
        <source>The three methods give the same result.</source>
        <translation>三种方法结果一致。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="136"/>
        <source>by %1 instead of %2 (in use), %3 would cross the %4</source>
        <translation>若以%1代替%2（现用），%3将越过%4</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="233"/>
        <source>Withdraw the confirmation of %1</source>
        <translation>撤回%1评审结果的确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="236"/>
        <source>The result was confirmed on %1. Withdrawing the confirmation records it for every application and unlocks the round; the reason is kept.</source>
        <translation>评审结果已于%1确认。撤回确认将记入每件申报并解除本轮锁定；撤回理由随结果存档。</translation>
    </message>
</context>
<context>
    <name>ReopenForm</name>
    <message>
        <location filename="../../ui/ranking_reopen_dialog.ui" line="10"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_reopen_dialog.ui" line="17"/>
        <source>Reason (required):</source>
        <translation>理由（必填）：</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="55"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="59"/>
        <source>Choose the backup to put in place of %1. The file now in place is not deleted: it is moved to the folder %2 and listed here as set aside, so it can be restored in turn. Backups are encrypted with the same password as the file.</source>
        <translation>请选择用于替换%1的备份。当前文件不会被删除：它将移入文件夹%2，并在此列为“恢复时移出”，以后也可以恢复。备份与工作文件使用同一密码加密。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="67"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="67"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="67"/>
        <source>Applications</source>
        <translation>申报数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="67"/>
        <source>Submitted sheets</source>
        <translation>已提交专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="68"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="68"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="84"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="95"/>
        <source>On close</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="95"/>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="96"/>
        <source>Set aside by a restore</source>
        <translation>恢复时移出</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="107"/>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="107"/>
        <source>Cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="118"/>
        <source>There is no backup of this file yet. A backup is made when the file is closed or locked after a change, and once a day.</source>
        <translation>该文件尚无备份。文件修改后关闭或锁定时会自动备份，每天也会备份一次。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="148"/>
        <source>The backup of %1 was put in place.</source>
        <translation>已用%1的备份替换工作文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/restore_dialog.py" line="151"/>
        <source>The file in place before is kept as %1.</source>
        <translation>原文件已保留为%1。</translation>
    </message>
</context>
<context>
    <name>RoundActions</name>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="59"/>
        <source>Choose a round</source>
        <translation>选择轮次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="60"/>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="199"/>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="222"/>
        <source>Shortlist</source>
        <translation>确定备选单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="200"/>
        <source>Apply the formal review and shortlist %1? Applications that fail the formal review are rejected; with 40 or more applicants at least 2 × %2 are shortlisted by preliminary score (R15). This cannot be undone.</source>
        <translation>对%1进行形式审查并确定备选单位？形式审查不通过的申报不进入专家评审；申报数达到40家时，按初审得分确定不少于 2 × %2 家备选单位（R15）。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="212"/>
        <source>%1 shortlisted, %2 not shortlisted, %3 rejected in the formal review.</source>
        <translation>列为备选单位 %1 家，未列为备选单位 %2 家，形式审查不通过 %3 家。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="217"/>
        <source>Fewer than 40 applied: all eligible applications go to expert review (R15).</source>
        <translation>申报不足40家：符合条件的申报全部进入专家评审（R15）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="220"/>
        <source>Shortlist line: %1 points (ties kept).</source>
        <translation>备选单位分数线：%1 分（同分者全部列入）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="226"/>
        <source>Holiday arrangement</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="228"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="241"/>
        <source>Holidays saved for %1. Dates in these years are no longer provisional.</source>
        <translation>已录入 %1 年的节假日安排，这些年份的日期不再是暂定。</translation>
    </message>
</context>
<context>
    <name>RubricDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="30"/>
        <source>Rubric of %1</source>
        <translation>%1评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="33"/>
        <source>Section / criterion</source>
        <translation>一级指标 / 二级指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="33"/>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="33"/>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="34"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="45"/>
        <source>In use for this round: </source>
        <translation>本轮采用：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="45"/>
        <source>Loaded for review: </source>
        <translation>已载入待审阅：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="59"/>
        <source>Total %1 points, %2 criteria.</source>
        <translation>合计 %1 分，%2 项指标。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="68"/>
        <source>Official rubric table</source>
        <translation>正式评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="76"/>
        <source>The table cannot be used:</source>
        <translation>该表不能使用：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="86"/>
        <source>Export the default rubric</source>
        <translation>导出默认评分表</translation>
    </message>
</context>
<context>
    <name>RubricForm</name>
    <message>
        <location filename="../../ui/rubric_dialog.ui" line="10"/>
        <source>Title of the official table</source>
        <translation>正式评分表名称</translation>
    </message>
    <message>
        <location filename="../../ui/rubric_dialog.ui" line="12"/>
        <source>Load Excel table…</source>
        <translation>载入Excel评分表…</translation>
    </message>
    <message>
        <location filename="../../ui/rubric_dialog.ui" line="13"/>
        <source>Export the default…</source>
        <translation>导出默认表…</translation>
    </message>
    <message>
        <location filename="../../ui/rubric_dialog.ui" line="21"/>
        <source>Use for this round</source>
        <translation>本轮采用此表</translation>
    </message>
    <message>
        <location filename="../../ui/rubric_dialog.ui" line="22"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../hvp_desktop/gui/runner.py" line="69"/>
        <source>Not allowed</source>
        <translation>无法执行此操作</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/runner.py" line="169"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/runner.py" line="170"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="140"/>
        <source>Show or hide the application&apos;s documents beside the form (%1)</source>
        <translation>在打分表旁显示或隐藏申报材料（%1）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="161"/>
        <source>Type part of a name</source>
        <translation>输入名称中的几个字</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="172"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="324"/>
        <source>Choose an expert, a round and one of their applications.</source>
        <translation>请选择专家、轮次及其评审的申报。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="365"/>
        <source>Rubric: %1</source>
        <translation>评分表：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="384"/>
        <source>Valid invention patents: %1 · PCT: %2</source>
        <translation>有效发明专利：%1 · PCT申请：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="395"/>
        <source>0 to %1 points, in steps of %2</source>
        <translation>0至%1分，按%2分递进</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="427"/>
        <source>No on-site visit recorded by %1 for this centre yet.</source>
        <translation>%1尚未记录对该中心的现场核查。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="433"/>
        <source>No checklist item informs %1.</source>
        <translation>现场核查表中没有对应%1的核查事项。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="441"/>
        <source>Found: %1</source>
        <translation>核查数值：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="461"/>
        <source>Total: %1 / %2</source>
        <translation>合计：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="464"/>
        <source>Scored: %1</source>
        <translation>已打分：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="470"/>
        <source>Print the submitted sheet</source>
        <translation>打印已提交的专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="471"/>
        <source>A draft cannot be printed as a score sheet: submit it first.</source>
        <translation>草稿不能作为专家打分表打印：请先提交。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="478"/>
        <source>Consolidated on %1: read-only.</source>
        <translation>评审结果已于%1确认：只读。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="482"/>
        <source>Submitted (revision %1): read-only.</source>
        <translation>已提交（第 %1 版）：只读。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="534"/>
        <source>Correct the sheet</source>
        <translation>更正专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="535"/>
        <source>Why must the submitted sheet be corrected? The reason is kept with the new revision.</source>
        <translation>已提交的专家打分表为何需要更正？理由随新修订版存档。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="572"/>
        <source>%1 and %2: why can you not score this application impartially? The application leaves your list.</source>
        <translation>%1与%2：请写明申请回避的原因（存在何种利害关系）。申请回避后，该申报将从您的列表中移除。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="571"/>
        <source>Declare a conflict of interest</source>
        <translation>申请回避</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="595"/>
        <source>Score sheet of %1</source>
        <translation>%1专家打分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="605"/>
        <source>Not ready: %1</source>
        <translation>尚不能提交：%1</translation>
    </message>
</context>
<context>
    <name>ScoringPanelForm</name>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="9"/>
        <source>Expert:</source>
        <translation>专家：</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="14"/>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="19"/>
        <source>Application:</source>
        <translation>申报：</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="26"/>
        <source>Type part of a name to find an application</source>
        <translation>输入名称中的几个字即可找到申报</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="29"/>
        <source>Documents</source>
        <translation>申报材料</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="62"/>
        <source>On-site findings</source>
        <translation>现场核查结果</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="106"/>
        <source>Paper sheet…</source>
        <translation>纸质专家打分表…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="108"/>
        <source>Declare a conflict…</source>
        <translation>申请回避…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="109"/>
        <source>Declare a conflict of interest with this applicant: the application leaves your list</source>
        <translation>与该申报单位存在利害关系，申请回避：该申报将从您的列表中移除</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="115"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="116"/>
        <source>Correct the submitted sheet in a new revision, with a reason</source>
        <translation>以新修订版更正已提交的专家打分表，须写明理由</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="111"/>
        <source>Sheets overview…</source>
        <translation>专家打分表总览…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="112"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="113"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="118"/>
        <source>Submit and sign…</source>
        <translation>提交并签名…</translation>
    </message>
</context>
<context>
    <name>SelectionDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="100"/>
        <source>Selected list of %1</source>
        <translation>%1拟认定名单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="116"/>
        <source>The unticked shortlisted applications will be recorded as not selected.</source>
        <translation>未勾选的备选单位将记录为未列入拟认定名单。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="120"/>
        <source>Decision date:</source>
        <translation>决定日期：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="134"/>
        <source>%1 of at most %2 places</source>
        <translation>已选 %1 家，名额至多 %2 家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="139"/>
        <source>%1 selected and %2 not selected. This cannot be undone. Continue?</source>
        <translation>列入拟认定名单 %1 家，未列入 %2 家。此操作不可撤销。是否继续？</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="79"/>
        <source>Ranking settings of %1</source>
        <translation>%1排名汇总设置</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="27"/>
        <source>Section</source>
        <translation>一级指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="27"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="28"/>
        <source>Criterion</source>
        <translation>二级指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="28"/>
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="29"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="29"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="30"/>
        <source>On site</source>
        <translation>现场核查</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="94"/>
        <source>Found: %1</source>
        <translation>核查数值：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="109"/>
        <source>not a number</source>
        <translation>不是有效数字</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="113"/>
        <source>a score is between 0 and %1 points</source>
        <translation>分值应在0至%1分之间</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="115"/>
        <source>a score is a multiple of %1 points</source>
        <translation>分值应为%1分的整数倍</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="127"/>
        <source>the score is below %1% of the maximum (%2 points)</source>
        <translation>得分低于满分的%1%（%2分）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="132"/>
        <source>the score is at the edge of the band %1 (%2–%3 points)</source>
        <translation>得分处于%1档次（%2–%3分）的边界</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="135"/>
        <source>A comment is required: %1.</source>
        <translation>须填写评语：%1。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="227"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>SheetsOverview</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="875"/>
        <source>Sheets overview</source>
        <translation>专家打分表总览</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="878"/>
        <source>✓ submitted · ✎ draft · ○ not started · ✗ stepped aside (conflict of interest). Still missing: %1 sheet(s).</source>
        <translation>✓ 已提交 · ✎ 草稿 · ○ 未开始 · ✗ 已申请回避。尚缺 %1 份专家打分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="882"/>
        <source>Only applications with missing sheets</source>
        <translation>只显示尚缺专家打分表的申报</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="821"/>
        <source>Submit and sign</source>
        <translation>提交并签名</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="823"/>
        <source>Total %1 points. After submission the sheet is read-only; a correction becomes a new revision with a reason.</source>
        <translation>合计 %1 分。提交后专家打分表不可修改；如需更正，将新建修订版并写明理由。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="826"/>
        <source>I have no interest in common with this applicant.</source>
        <translation>本人与该申报单位不存在利害关系</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="842"/>
        <source>Please sign in the box.</source>
        <translation>请在框内签名。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="845"/>
        <source>Enter the PIN of your signing key.</source>
        <translation>请输入您签名密钥的PIN。</translation>
    </message>
</context>
<context>
    <name>SubmitForm</name>
    <message>
        <location filename="../../ui/submit_dialog.ui" line="9"/>
        <source>Sign below with the mouse, a finger or a pen:</source>
        <translation>请用鼠标、手指或手写笔在下方签名：</translation>
    </message>
    <message>
        <location filename="../../ui/submit_dialog.ui" line="13"/>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <location filename="../../ui/submit_dialog.ui" line="19"/>
        <source>PIN of your signing key:</source>
        <translation>签名密钥的PIN：</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../hvp_desktop/gui/tasks.py" line="63"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/tasks.py" line="88"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ThumbnailStrip</name>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="823"/>
        <source>Drop files here to add them</source>
        <translation>将文件拖放到此处即可添加</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="874"/>
        <source>“%1” is protected by a password and cannot be shown here.</source>
        <translation>“%1”设有密码保护，无法在此显示。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="876"/>
        <source>“%1” cannot be shown: the file is damaged or not a PDF or an image.</source>
        <translation>无法显示“%1”：文件已损坏，或不是 PDF 或图片。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="927"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/document_viewer.py" line="928"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="154"/>
        <source>hvp-desktop — unlock</source>
        <translation>hvp-desktop — 解锁</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="195"/>
        <source>Open working file</source>
        <translation>打开工作文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="207"/>
        <source>Choose a working file first.</source>
        <translation>请先选择工作文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="210"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="101"/>
        <source>Wrong password. The file was not changed.</source>
        <translation>密码错误，文件未被修改。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="88"/>
        <source>%1 (%2 s)</source>
        <translation>%1（%2 秒）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="103"/>
        <source>Wait %n s before the next try.</source>
        <translation>请等待%n秒后再试。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="110"/>
        <source>The working file is damaged.</source>
        <translation>工作文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="168"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="177"/>
        <source>Open expert package…</source>
        <translation>打开专家数据包…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="249"/>
        <source>Building the demo file…</source>
        <translation>正在生成演示文件…</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="9"/>
        <source>Open a working file</source>
        <translation>打开工作文件</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="15"/>
        <source>Recent files</source>
        <translation>最近使用的文件</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="26"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="30"/>
        <source>Path of a *.hvpdb working file</source>
        <translation>*.hvpdb 工作文件的路径</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="31"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="35"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="41"/>
        <source>Show password</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="53"/>
        <source>New working file…</source>
        <translation>新建工作文件…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="54"/>
        <source>Open demo file</source>
        <translation>打开演示文件</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="56"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="57"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>VerifyPdfDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="145"/>
        <source>Verify a signed PDF</source>
        <translation>验证PDF签名</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="161"/>
        <source>Checks a signed score sheet or result offline against this panel&apos;s root certificate (fingerprint %1): whether it is intact, who signed it, and whether anything was added after signing.</source>
        <translation>以本专家组的根证书（指纹 %1）离线验证已签名的专家打分表或评审结果：内容是否完好、由谁签名、签名后是否追加了内容。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="165"/>
        <source>This working file holds no panel root certificate: a PDF can be checked for being intact, but no signer can be recognised as this panel&apos;s.</source>
        <translation>本工作文件中没有专家组根证书：只能验证PDF内容是否完好，无法确认签名人属于本专家组。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="175"/>
        <source>Drop one or several PDF files here, or</source>
        <translation>将一个或多个PDF文件拖放到此处，或</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="178"/>
        <source>&amp;Choose PDF files…</source>
        <translation>选择PDF文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="184"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="184"/>
        <source>Verdict</source>
        <translation>验证结论</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="214"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="214"/>
        <source>Content intact:</source>
        <translation>内容完好：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="215"/>
        <source>Signed by:</source>
        <translation>签名人：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="215"/>
        <source>Certificate serial number:</source>
        <translation>证书序列号：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="216"/>
        <source>Issued by this panel&apos;s root:</source>
        <translation>由本专家组根证书签发：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="216"/>
        <source>Signed at:</source>
        <translation>签名时间：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="217"/>
        <source>Added after signing:</source>
        <translation>签名后追加内容：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="218"/>
        <source>Signer is the sheet&apos;s expert:</source>
        <translation>签名人即表中评审专家：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="225"/>
        <source>Signatures in the file:</source>
        <translation>文件中的签名：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="228"/>
        <source>Signer</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="228"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="228"/>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="229"/>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="334"/>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="434"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="256"/>
        <source>Choose PDF files to verify</source>
        <translation>选择要验证的PDF文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="257"/>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF文件 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="320"/>
        <source>Checking %1…</source>
        <translation>正在验证%1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="321"/>
        <source>Checking %n files…</source>
        <translation>
            <numerusform>正在验证%n个文件…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="334"/>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="359"/>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="434"/>
        <source>Refused</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="359"/>
        <source>Valid signature</source>
        <translation>签名有效</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="363"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="363"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="377"/>
        <source>Yes (root %1)</source>
        <translation>是（根证书 %1）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="379"/>
        <source>Not established: the signature does not hold</source>
        <translation>无法确认：签名不成立</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="381"/>
        <source>No: issued by %1, not by this panel&apos;s root (%2)</source>
        <translation>否：由%1签发，不是本专家组的根证书（%2）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="384"/>
        <source>Unknown: this working file holds no panel root</source>
        <translation>无法确认：本工作文件中没有专家组根证书</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="391"/>
        <source>Yes (%1)</source>
        <translation>是（%1）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="396"/>
        <source>— (the PDF names no expert)</source>
        <translation>—（该PDF未注明评审专家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="410"/>
        <source>Reviewing expert</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="410"/>
        <source>Panel chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="411"/>
        <source>Panel member</source>
        <translation>组员</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/pdf_dialogs.py" line="416"/>
        <source>Signature fields not signed yet: %1</source>
        <translation>尚未签名的签名栏：%1</translation>
    </message>
</context>
</TS>
