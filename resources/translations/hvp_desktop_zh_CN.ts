<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicationDetailDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="112"/>
        <source>Formal review</source>
        <translation>形式审查</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="118"/>
        <source>Preliminary score (Annex 2)</source>
        <translation>初审得分（附件2）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="120"/>
        <source>Imported from</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="121"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="121"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="152"/>
        <source>Declared</source>
        <translation>申报内容</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="122"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="122"/>
        <source>Co-applicant</source>
        <translation>联合申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="122"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/application_detail.py" line="124"/>
        <source>Co-applicants (%n)</source>
        <translation>
            <numerusform>联合申报单位（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="136"/>
        <source>Verdict: %1. Each check names its rule; a check can be confirmed or overridden only with a written reason.</source>
        <translation>审查结论：%1。每一项均注明所依据的规则；确认或更改结果须写明理由。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="139"/>
        <source>confirmed by the secretary</source>
        <translation>秘书确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="140"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="152"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="181"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="140"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="140"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="152"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="140"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="151"/>
        <source>Meets</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="151"/>
        <source>Below the commitment</source>
        <translation>低于承诺</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="152"/>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="169"/>
        <source>R1: the formal review of this application is over</source>
        <translation>R1：该申报的形式审查已结束</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="181"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="181"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="182"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="183"/>
        <source>provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="183"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="188"/>
        <source>Dates: </source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="188"/>
        <source>none pending</source>
        <translation>暂无待办</translation>
    </message>
    <message>
        <source>Co-applicants (none)</source>
        <translation type="vanished">联合申报单位（无）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="128"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="128"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="128"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="128"/>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="181"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ApplicationDetailForm</name>
    <message>
        <location filename="../../ui/application_detail.ui" line="20"/>
        <source>Declared data</source>
        <translation>申报信息</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="29"/>
        <source>Co-applicants</source>
        <translation>联合申报单位</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="37"/>
        <source>Formal review</source>
        <translation>形式审查</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="49"/>
        <source>Confirm or override…</source>
        <translation>确认或更改…</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="55"/>
        <source>Commitments (R5–R13)</source>
        <translation>建设承诺（R5–R13）</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="64"/>
        <source>Decisions and dates</source>
        <translation>决定与日期</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="74"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="86"/>
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
        <source>Eligibility</source>
        <translation type="vanished">资格</translation>
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
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="57"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="60"/>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="63"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="72"/>
        <source>All rounds</source>
        <translation>全部轮次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="96"/>
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
        <source>Eligibility:</source>
        <translation type="vanished">资格：</translation>
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
        <location filename="../../hvp_desktop/gui/round_actions.py" line="200"/>
        <source>Open an assessment round</source>
        <translation>开启考核轮次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="206"/>
        <source>Year-1 assessment (R17, pass mark 70)</source>
        <translation>第一年度考核（R17，合格线70分）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="207"/>
        <source>Year-2 assessment (R18, pass mark 75)</source>
        <translation>第二年度考核（R18，合格线75分）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="208"/>
        <source>Re-assessment after rectification</source>
        <translation>整改后复核</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="213"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="214"/>
        <source>Assessment:</source>
        <translation>考核类别：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="215"/>
        <source>Centres:</source>
        <translation>中心：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="227"/>
        <source>No centre is waiting for this assessment.</source>
        <translation>没有等待该考核的中心。</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="43"/>
        <source>Unknown columns</source>
        <translation>未识别的列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="49"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="49"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="49"/>
        <source>Example value</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="49"/>
        <source>Holds</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="55"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="57"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="58"/>
        <source>Ignore this column</source>
        <translation>忽略此列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="83"/>
        <source>Choose what every column holds, or ignore it.</source>
        <translation>请为每一列选择对应字段，或选择忽略。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="87"/>
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
        <source>Consolidate %1</source>
        <translation>汇总锁定：%1</translation>
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
        <translation>入选（%1家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="211"/>
        <source>Not selected (%1)</source>
        <translation>未入选（%1家）</translation>
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
        <source>The result is recorded for every application and the round is locked: sheets, settings, explanations and the tie decision cannot change until the chair reopens it with a reason.</source>
        <translation>汇总后，每件申报的结果记入其生命周期，本轮随即锁定：评分表、汇总设置、偏离说明和并列决定均不能再修改，除非组长写明理由重新开放。</translation>
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
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="24"/>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="65"/>
        <source>Due in the next %n days</source>
        <translation>
            <numerusform>未来 %n 天内到期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="31"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="31"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="31"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="31"/>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="50"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="50"/>
        <source>open since this date</source>
        <translation>自此日起可办理</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/deadlines_dock.py" line="66"/>
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
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="52"/>
        <source>Preliminary score (R15)…</source>
        <translation>初审得分（R15）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="54"/>
        <source>Formal review failed…</source>
        <translation>形式审查不通过…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="55"/>
        <source>The application will be rejected in the formal review. This cannot be undone.</source>
        <translation>该申报将因形式审查不通过而不予受理。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="56"/>
        <source>Start publicity of the recognition list…</source>
        <translation>开始认定名单公示…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="58"/>
        <source>File an objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="58"/>
        <source>Objection</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="60"/>
        <source>Decide an objection…</source>
        <translation>异议核实结论…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="60"/>
        <source>Findings</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="62"/>
        <source>An upheld objection means no recognition (R16) or no support for that year (R19). This cannot be undone.</source>
        <translation>异议成立即不予认定（R16）或该年度不予扶持（R19）。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="63"/>
        <source>Recognise…</source>
        <translation>正式认定…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="64"/>
        <source>The applicant will be recognised as a centre. This cannot be undone.</source>
        <translation>该申报单位将被正式认定为培育布局中心。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="65"/>
        <source>Record year-1 assessment…</source>
        <translation>登记第一年度考核…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="66"/>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="68"/>
        <source>An assessment result cannot be undone.</source>
        <translation>考核结果登记后不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="67"/>
        <source>Record year-2 assessment…</source>
        <translation>登记第二年度考核…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="69"/>
        <source>Start publicity of year-1 support…</source>
        <translation>开始第一年度扶持公示…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="71"/>
        <source>Grant year-1 support (500,000 RMB)…</source>
        <translation>给予第一年度扶持（50万元）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="72"/>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="76"/>
        <source>Support will be recorded as granted. This cannot be undone.</source>
        <translation>将记录为已给予扶持。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="73"/>
        <source>Start publicity of year-2 support…</source>
        <translation>开始第二年度扶持公示…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="75"/>
        <source>Grant year-2 support (500,000 RMB)…</source>
        <translation>给予第二年度扶持（50万元）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="77"/>
        <source>Withdraw (written request)…</source>
        <translation>退出（书面申请）…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="77"/>
        <source>Request</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="78"/>
        <source>The centre withdraws: no further assessments and no application for 2 years (R21). This cannot be undone.</source>
        <translation>该中心退出建设：不再参加年度考核，2年内不得重新申报（R21）。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="103"/>
        <source>shortlisting is over</source>
        <translation>入围已确定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="106"/>
        <source>no check of the formal review has failed</source>
        <translation>形式审查没有不通过的项目</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="111"/>
        <source>no publicity awaits its result</source>
        <translation>没有等待结果的公示</translation>
    </message>
    <message>
        <source>no publicity period is open today</source>
        <translation type="vanished">今天不在任何公示期内</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="115"/>
        <source>no objection is waiting for a decision</source>
        <translation>没有待核实的异议</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="141"/>
        <source>Objection:</source>
        <translation>异议：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="159"/>
        <source>Not upheld: the result stands</source>
        <translation>不成立：结果不变</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="160"/>
        <source>Upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="161"/>
        <source>Finding:</source>
        <translation>核实结论：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="181"/>
        <source>A decision cannot be dated in the future.</source>
        <translation>决定日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="184"/>
        <source>Write the %1 first.</source>
        <translation>请先填写%1。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/decision_actions.py" line="187"/>
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
    <name>ImportDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="101"/>
        <source>Import applications from Excel</source>
        <translation>从Excel导入申报信息</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="120"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="120"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="120"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="131"/>
        <source>Choose the Excel file</source>
        <translation>选择Excel文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="137"/>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="154"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="161"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="179"/>
        <source>Not imported: %n column(s) hold data the application does not know.</source>
        <translation>
            <numerusform>未导入：有 %n 列含有无法识别的数据。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="191"/>
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="198"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="199"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="204"/>
        <source>%1 rows read: %2 valid, %3 rejected.</source>
        <translation>共读取 %1 行：有效 %2 行，拒绝 %3 行。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="207"/>
        <source>Required columns missing: %1.</source>
        <translation>缺少必填列：%1。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="209"/>
        <source>Import all is possible only when no row is rejected; or import the valid rows and save the rejected ones to fix them.</source>
        <translation>只有在没有被拒绝的行时才能全部导入；也可以只导入有效行，并把被拒绝的行另存下来修改。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="238"/>
        <source>Save the rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="255"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="267"/>
        <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
        <translation>导入完成：新增 %1，更新 %2，未变 %3。</translation>
    </message>
</context>
<context>
    <name>ImportForm</name>
    <message>
        <location filename="../../ui/import_dialog.ui" line="9"/>
        <source>Excel file:</source>
        <translation>Excel文件：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="13"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="14"/>
        <source>Save template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="17"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="20"/>
        <source>Rows without a year belong to</source>
        <translation>未填年度的行归入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="41"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="42"/>
        <source>Import valid rows only…</source>
        <translation>只导入有效行…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="43"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="16"/>
        <source>Applied</source>
        <translation>已申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="17"/>
        <source>Rejected in formal review</source>
        <translation>形式审查未通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="18"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="126"/>
        <source>Shortlisted</source>
        <translation>入围</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="19"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="129"/>
        <source>Not selected</source>
        <translation>未入选</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="20"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="128"/>
        <source>Selected</source>
        <translation>拟入选</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="21"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="134"/>
        <source>Recognised</source>
        <translation>已认定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="22"/>
        <source>Objection upheld</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="23"/>
        <source>Year 1 passed</source>
        <translation>第一年考核通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="24"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="25"/>
        <source>Accepted</source>
        <translation>已验收</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="26"/>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="27"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="137"/>
        <source>Withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="35"/>
        <source>All R1 facts declared yes</source>
        <translation>R1各项均申报为“是”</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="36"/>
        <source>Some R1 fact declared no</source>
        <translation>有R1项申报为“否”</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="37"/>
        <source>Some R1 fact not declared</source>
        <translation>有R1项未申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="45"/>
        <source>Meets R1</source>
        <translation>符合R1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="46"/>
        <source>Fails R1</source>
        <translation>不符合R1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="47"/>
        <location filename="../../hvp_desktop/gui/labels.py" line="117"/>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="55"/>
        <source>University</source>
        <translation>高校</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="56"/>
        <source>Research institute</source>
        <translation>科研院所</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="57"/>
        <source>IP service agency</source>
        <translation>知识产权服务机构</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="64"/>
        <source>Not declared</source>
        <translation>未申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="66"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="68"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="75"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="76"/>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="77"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="78"/>
        <source>Registered in the district</source>
        <translation>注册地在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="79"/>
        <source>Tax relation in the district</source>
        <translation>税务关系在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="80"/>
        <source>Statistics relation in the district</source>
        <translation>统计关系在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="81"/>
        <source>Independent legal person</source>
        <translation>独立法人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="82"/>
        <source>Independent accounting</source>
        <translation>独立核算</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="83"/>
        <source>Good credit</source>
        <translation>信用良好</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="84"/>
        <source>Group / affiliated companies</source>
        <translation>所属集团/关联企业</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="85"/>
        <source>Full-time IP staff</source>
        <translation>知识产权专职人员数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="86"/>
        <source>Annual IP budget (RMB)</source>
        <translation>年度知识产权工作经费（元）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="87"/>
        <source>Senior executive in charge</source>
        <translation>高管负责人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="88"/>
        <source>Independent IP department</source>
        <translation>独立知识产权部门</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="89"/>
        <source>ISO 56005 implemented</source>
        <translation>实施ISO 56005</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="90"/>
        <source>Valid invention patents</source>
        <translation>有效发明专利数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="91"/>
        <source>PCT applications</source>
        <translation>PCT申请数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="92"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="93"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="94"/>
        <source>Application date</source>
        <translation>申报日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="104"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="105"/>
        <source>Updated by import</source>
        <translation>导入更新</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="106"/>
        <source>Check confirmed or overridden</source>
        <translation>确认或更改审查结果</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="107"/>
        <source>Preliminary score</source>
        <translation>初审得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="115"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="116"/>
        <source>Failed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="125"/>
        <source>Formal review failed</source>
        <translation>形式审查不通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="127"/>
        <source>Not shortlisted</source>
        <translation>未入围</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="130"/>
        <source>Publicity started</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="131"/>
        <source>Publicity end recounted</source>
        <translation>公示期满日重新计算</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="132"/>
        <source>Objection filed</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="133"/>
        <source>Objection decided</source>
        <translation>异议核实结论</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="135"/>
        <source>Assessed</source>
        <translation>年度考核</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="136"/>
        <source>Support granted</source>
        <translation>给予扶持</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="138"/>
        <source>Result reopened</source>
        <translation>评审结果重新开放</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="146"/>
        <source>recognition list</source>
        <translation>认定名单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="147"/>
        <source>year-1 support</source>
        <translation>第一年度扶持</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="148"/>
        <source>year-2 support</source>
        <translation>第二年度扶持</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="40"/>
        <source>Applications</source>
        <translation>申报列表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="42"/>
        <source>Scoring</source>
        <translation>专家评分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="44"/>
        <source>Ranking</source>
        <translation>排名汇总</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="62"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="63"/>
        <source>&amp;Import applications…</source>
        <translation>导入申报信息(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="65"/>
        <source>Change &amp;password…</source>
        <translation>更改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="67"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="68"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="70"/>
        <source>&amp;Round</source>
        <translation>轮次(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="71"/>
        <source>&amp;Places…</source>
        <translation>名额(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="72"/>
        <source>&amp;Shortlist (formal review and R15)…</source>
        <translation>形式审查与入围(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="73"/>
        <source>Selected &amp;list (R16)…</source>
        <translation>拟入选名单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="74"/>
        <source>Expert &amp;panel…</source>
        <translation>专家组(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="75"/>
        <source>R&amp;ubric…</source>
        <translation>评分表(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="77"/>
        <source>Open an &amp;assessment round…</source>
        <translation>建立考核轮次(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="79"/>
        <source>&amp;Holiday arrangement…</source>
        <translation>节假日安排(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="81"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="83"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="91"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="92"/>
        <source>&amp;About hvp-desktop</source>
        <translation>关于 hvp-desktop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="171"/>
        <source>Re-encrypting the working file…</source>
        <translation>正在重新加密工作文件…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="172"/>
        <location filename="../../hvp_desktop/gui/main_window.py" line="174"/>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="173"/>
        <source>The password was changed.</source>
        <translation>密码已更改。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="177"/>
        <source>About hvp-desktop</source>
        <translation>关于 hvp-desktop</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="178"/>
        <source>hvp-desktop %1

The offline tool of the expert panels of the Huangpu district&apos;s High-Value Patent Cultivation and Layout Centre programme.</source>
        <translation>hvp-desktop %1

黄埔区高价值专利培育布局中心评审专家组离线工具。</translation>
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
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="124"/>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="140"/>
        <source>New working file</source>
        <translation>新建工作文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="124"/>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="136"/>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="129"/>
        <source>The file will be re-encrypted with the new password. Keep the new password safe: the old one will no longer open the file.</source>
        <translation>文件将用新密码重新加密。请妥善保管新密码：旧密码将无法再打开此文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="136"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="152"/>
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="155"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="160"/>
        <source>Choose where to save the new file.</source>
        <translation>请选择新文件的保存位置。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="230"/>
        <source>Found by the app: %1</source>
        <translation>程序审查发现：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="233"/>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="236"/>
        <source>Reason:</source>
        <translation>理由：</translation>
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
        <translation>席位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="50"/>
        <source>Chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/panel_dialog.py" line="50"/>
        <source>Member</source>
        <translation>成员</translation>
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
        <translation>席位已保存。</translation>
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
        <translation>利益冲突已登记，相应的评审分配已撤回。</translation>
    </message>
</context>
<context>
    <name>PanelForm</name>
    <message>
        <location filename="../../ui/panel_dialog.ui" line="15"/>
        <source>Seat as member</source>
        <translation>设为成员</translation>
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
        <translation>秘书登记的利益冲突</translation>
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
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="31"/>
        <source>Paper sheet</source>
        <translation>纸质评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="33"/>
        <source>First keying</source>
        <translation>第一次录入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="34"/>
        <source>Second keying</source>
        <translation>第二次录入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="42"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="42"/>
        <source>Criterion</source>
        <translation>评分指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="42"/>
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="42"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="81"/>
        <source>Keying saved.</source>
        <translation>本次录入已保存。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="94"/>
        <source>The keyings differ: %1. Check the paper sheet and key again.</source>
        <translation>两次录入不一致：%1。请核对纸质评分表后重新录入。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/paper_entry.py" line="97"/>
        <source>Both keyings agree.</source>
        <translation>两次录入一致。</translation>
    </message>
</context>
<context>
    <name>PaperEntryForm</name>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="8"/>
        <source>A paper sheet is keyed twice, by two people or at two times, without seeing the other keying. It counts only when both keyings agree.</source>
        <translation>纸质评分表须由两人（或分两次）独立录入，录入时看不到另一次的结果；两次一致后才计入。</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="13"/>
        <source>Keying:</source>
        <translation>录入：</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="24"/>
        <source>Save this keying</source>
        <translation>保存本次录入</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="25"/>
        <source>Compare the two keyings</source>
        <translation>比对两次录入</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="27"/>
        <source>Accept as the expert&apos;s sheet</source>
        <translation>确认为该专家的评分表</translation>
    </message>
    <message>
        <location filename="../../ui/paper_entry_dialog.ui" line="28"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PlacesDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="75"/>
        <source>Places of %1</source>
        <translation>%1 的名额</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/round_actions.py" line="81"/>
        <source>Required above %n places (R14)</source>
        <translation>
            <numerusform>超过 %n 家时必须填写（R14）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="83"/>
        <source>Places:</source>
        <translation>名额：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="84"/>
        <source>Reason for more than 20:</source>
        <translation>超过20家的理由：</translation>
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
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="193"/>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="238"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="168"/>
        <source>Aggregate</source>
        <translation>汇总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="189"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="215"/>
        <source>Totals per expert</source>
        <translation>各专家总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="247"/>
        <source>Mean difference from the other experts</source>
        <translation>与其他专家平均之差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_charts.py" line="269"/>
        <source>Points (positive: more lenient)</source>
        <translation>分（正值表示偏宽）</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="170"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="171"/>
        <source>Application</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="172"/>
        <source>Score</source>
        <translation>汇总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="173"/>
        <source>Preliminary score</source>
        <translation>初审得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="174"/>
        <source>Sheets</source>
        <translation>评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="175"/>
        <source>Range</source>
        <translation>极差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="176"/>
        <source>Std dev</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="177"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="178"/>
        <source>Line</source>
        <translation>线内外</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="179"/>
        <source>Recorded state</source>
        <translation>记录状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="182"/>
        <source>The aggregated score, by the round&apos;s method</source>
        <translation>按本轮汇总方法计算的汇总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="183"/>
        <source>Submitted sheets that count / sheets expected</source>
        <translation>计入的已提交评分表 / 应交评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="184"/>
        <source>Highest minus lowest expert total</source>
        <translation>专家总分最高与最低之差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="185"/>
        <source>Standard deviation of the expert totals</source>
        <translation>专家总分的标准差</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="186"/>
        <source>Deviations that need a written explanation before consolidation</source>
        <translation>汇总前须书面说明的偏离标记</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="268"/>
        <source>%1&apos;s total on each application</source>
        <translation>%1对各申报的总分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="270"/>
        <source>Chair of the panel</source>
        <translation>评审组组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="272"/>
        <source>Leniency: %1 points from the other experts&apos; mean on average</source>
        <translation>宽严度：平均与其他专家相差 %1 分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="339"/>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="365"/>
        <source>No submitted sheet</source>
        <translation>无已提交评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="366"/>
        <source>No preliminary score</source>
        <translation>无初审得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="370"/>
        <source>Tied at the line</source>
        <translation>线上并列待定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="372"/>
        <source>Passes</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="372"/>
        <source>Fails</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="374"/>
        <source>Shortlisted</source>
        <translation>入围</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="374"/>
        <source>Not shortlisted</source>
        <translation>未入围</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="376"/>
        <source>Inside</source>
        <translation>名额内</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="376"/>
        <source>Outside</source>
        <translation>名额外</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="378"/>
        <source>placed by the chair</source>
        <translation>组长定序</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="404"/>
        <source>%1: total %2</source>
        <translation>%1：总分 %2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="407"/>
        <source>%1: sheet not submitted yet (draft or not started)</source>
        <translation>%1：评分表尚未提交（草稿或未开始）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="409"/>
        <source>%1: conflict of interest, does not score</source>
        <translation>%1：利益冲突回避，不评分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="411"/>
        <source>%1: not assigned</source>
        <translation>%1：未分配</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="419"/>
        <source>Waiting for: %1</source>
        <translation>待提交：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="422"/>
        <source>Tied across the line with the same score: the chair decides the order, with a written reason (Decide tie…)</source>
        <translation>同分并列跨越名额线：由组长决定顺序并写明理由（“决定并列…”）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="425"/>
        <source>Order decided by the chair: %1</source>
        <translation>组长决定的顺序，理由：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="427"/>
        <source>The line runs under this row: %1</source>
        <translation>分界线在此行下方：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="437"/>
        <source>Not explained yet</source>
        <translation>尚未说明</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="105"/>
        <source>Expert review</source>
        <translation>专家评审</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="106"/>
        <source>Preliminary scores (R15)</source>
        <translation>初审得分（R15）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="166"/>
        <source>No round has an expert panel yet (Round → Expert panel…).</source>
        <translation>还没有组建专家组的轮次（轮次 → 专家组…）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="180"/>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="185"/>
        <source>Computing the ranking…</source>
        <translation>正在计算排名…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="199"/>
        <source>Ranking</source>
        <translation>排名汇总</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="229"/>
        <source>Preliminary scores (Annex 2) ranked with the R15 shortlist line; the recorded state shows what the formal review decided.</source>
        <translation>按初审得分（附件2）排序并画出R15入围线；“记录状态”列为形式审查和入围的实际记录。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="243"/>
        <source>Method: %1 · outlier margin %2 points</source>
        <translation>汇总方法：%1 · 偏离阈值 %2 分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="246"/>
        <source>ties compared on %1</source>
        <translation>并列时依次比较：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="249"/>
        <source>Kendall&apos;s W %1: %2</source>
        <translation>肯德尔W = %1：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="250"/>
        <source>Agreement of the experts&apos; rankings of the same applications: 0 none, 1 complete</source>
        <translation>专家对相同申报排序的一致程度：0 为毫无一致，1 为完全一致</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="252"/>
        <source>Sensitivity: %1</source>
        <translation>方法敏感性：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="254"/>
        <source>Leniency (mean difference from the other experts): %1</source>
        <translation>宽严度（与其他专家平均之差）：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="261"/>
        <source>Not ready to consolidate: %1</source>
        <translation>尚不能汇总：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="264"/>
        <source>Ready to consolidate: every sheet is in, every flag explained, no open tie at the line.</source>
        <translation>可以汇总：评分表已全部提交，偏离标记均已说明，名额线处没有待定的并列。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="271"/>
        <source>Consolidated on %1: locked</source>
        <translation>已于%1汇总锁定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="276"/>
        <source>Reopened on %1: %2</source>
        <translation>已于%1重新开放：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="279"/>
        <source>Not consolidated yet</source>
        <translation>尚未汇总</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="284"/>
        <source>Consolidated on %1 (%2)</source>
        <translation>%1汇总（%2）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="287"/>
        <source>reopened on %1: %2</source>
        <translation>%1重新开放：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="309"/>
        <source>The preliminary stage is read-only: choose the expert review stage.</source>
        <translation>初审阶段只供查看：请切换到专家评审阶段。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="314"/>
        <source>Locked since %1: reopen it first.</source>
        <translation>已于%1汇总锁定：须先重新开放。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="330"/>
        <source>No flag waits for an explanation.</source>
        <translation>没有待说明的偏离标记。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="332"/>
        <source>No tie at the line to decide.</source>
        <translation>名额线处没有需要决定的并列。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="334"/>
        <source>Not ready:</source>
        <translation>尚不能汇总：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="335"/>
        <source>The round is not consolidated.</source>
        <translation>本轮尚未汇总锁定。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="346"/>
        <source>%1 ranking.xlsx</source>
        <translation>%1排名汇总.xlsx</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="347"/>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="365"/>
        <source>Export the ranking</source>
        <translation>导出排名汇总</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="348"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="362"/>
        <source>Exported to %1</source>
        <translation>已导出：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="366"/>
        <source>The workbook could not be written: %1</source>
        <translation>无法写入工作簿：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="368"/>
        <source>Writing the ranking workbook…</source>
        <translation>正在写入排名汇总工作簿…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="392"/>
        <source>Choose an application in the table.</source>
        <translation>请在表中选择一件申报。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="399"/>
        <source>No submitted sheet counts yet.</source>
        <translation>尚无计入的已提交评分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="403"/>
        <source>Rank %1 · aggregate %2 · range %3 · std dev %4</source>
        <translation>第%1名 · 汇总分 %2 · 极差 %3 · 标准差 %4</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="411"/>
        <source>No flag: the experts agree within the margin.</source>
        <translation>无偏离标记：专家评分均在阈值之内。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="423"/>
        <source>Largest difference: %1, %2 gave %3 and %4 gave %5 (a difference of %6)</source>
        <translation>差异最大的指标：%1，%2 给 %3 分，%4 给 %5 分（相差 %6 分）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="433"/>
        <source>Waiting for: %1</source>
        <translation>待提交：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="446"/>
        <source>Not explained yet</source>
        <translation>尚未说明</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="453"/>
        <source>Explain…</source>
        <translation>说明…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_panel.py" line="495"/>
        <source>Consolidate</source>
        <translation>汇总锁定</translation>
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
        <location filename="../../ui/ranking_panel.ui" line="39"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="62"/>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="88"/>
        <source>All applications</source>
        <translation>全部申报</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="92"/>
        <source>Experts&apos; totals</source>
        <translation>专家打分分布</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="96"/>
        <source>Leniency</source>
        <translation>宽严度</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="108"/>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="109"/>
        <source>Explain flag…</source>
        <translation>说明标记…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="110"/>
        <source>Decide tie…</source>
        <translation>决定并列…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="111"/>
        <source>Consolidate…</source>
        <translation>汇总锁定…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_panel.ui" line="112"/>
        <source>Reopen…</source>
        <translation>重新开放…</translation>
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
        <translation>截尾平均：评分表不少于5份时，去掉一个最高分和一个最低分后取平均。专家总分与其他专家平均之差超过阈值的，予以标记。</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_settings_dialog.ui" line="27"/>
        <source>Tie-break order: equal scores are compared on the ticked rubric sections, top first.</source>
        <translation>并列处理顺序：汇总分相同时，依次比较勾选的评分表部分（自上而下）。</translation>
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
        <source>places line</source>
        <translation>名额线</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="57"/>
        <source>shortlist line</source>
        <translation>入围线</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="58"/>
        <source>pass mark</source>
        <translation>合格线</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="65"/>
        <source>%1 places line: %2 places (%3 inside)</source>
        <translation>%1 名额线：%2家（线内%3家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="68"/>
        <source>%1 pass mark: %2 points (%3 pass)</source>
        <translation>%1 合格线：%2分（合格%3家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="72"/>
        <source>%1: fewer than %2 applied, all go to expert review</source>
        <translation>%1：申报不足%2家，全部进入专家评审</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="74"/>
        <source>%1 shortlist line: at least %2, ties kept (%3 shortlisted)</source>
        <translation>%1 入围线：不少于%2家，线上并列全部入围（入围%3家）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="93"/>
        <source>%1: total %2 points from the other experts&apos; mean</source>
        <translation>%1：总分与其他专家平均相差 %2 分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="95"/>
        <source>%1: criterion %2, %3 points from the other experts&apos; mean</source>
        <translation>%1：指标 %2 与其他专家平均相差 %3 分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="101"/>
        <source>the expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="102"/>
        <source>the chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="103"/>
        <source>Explained by %1 on %2: %3</source>
        <translation>%1于%2说明：%3</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="106"/>
        <source>(written for an earlier deviation: explain again)</source>
        <translation>（针对此前的偏离，须重新说明）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="113"/>
        <source> and %1 more</source>
        <translation> 等另外%1家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="121"/>
        <source>The three methods give the same result.</source>
        <translation>三种方法结果一致。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_model.py" line="124"/>
        <source>by %1, %2 would cross the %3</source>
        <translation>按%1：%2 会越过%3</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="233"/>
        <source>Reopen %1</source>
        <translation>重新开放：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="236"/>
        <source>The result was consolidated on %1. Reopening records a reopened result for every application and unlocks the round; the reason is kept.</source>
        <translation>本轮结果已于%1汇总锁定。重新开放将为每件申报记录“评审结果重新开放”，并解除本轮锁定；理由随之存档。</translation>
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
    <name>RubricDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="29"/>
        <source>Rubric of %1</source>
        <translation>%1 的评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="32"/>
        <source>Section / criterion</source>
        <translation>部分 / 指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="32"/>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="32"/>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="33"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="44"/>
        <source>In use for this round: </source>
        <translation>本轮采用：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="44"/>
        <source>Loaded for review: </source>
        <translation>已载入待审阅：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="58"/>
        <source>Total %1 points, %2 criteria.</source>
        <translation>合计 %1 分，%2 项指标。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="67"/>
        <source>Official rubric table</source>
        <translation>正式评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="75"/>
        <source>The table cannot be used:</source>
        <translation>该表不能使用：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/rubric_dialog.py" line="85"/>
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
        <location filename="../../hvp_desktop/gui/runner.py" line="66"/>
        <source>Not allowed</source>
        <translation>无法执行此操作</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/runner.py" line="161"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/runner.py" line="162"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="152"/>
        <source>Choose an expert and one of their applications.</source>
        <translation>请选择专家及其负责评审的申报。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="181"/>
        <source>Rubric: %1</source>
        <translation>评分表：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="191"/>
        <source>Valid invention patents: %1 · PCT: %2</source>
        <translation>有效发明专利：%1 · PCT申请：%2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="202"/>
        <source>0 to %1 points, in steps of %2</source>
        <translation>0至%1分，按%2分递进</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="218"/>
        <source>Total: %1 / %2</source>
        <translation>合计：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="228"/>
        <source>Consolidated on %1: read-only.</source>
        <translation>已于%1汇总锁定：只读。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="232"/>
        <source>Submitted (revision %1): read-only.</source>
        <translation>已提交（第 %1 版）：只读。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="282"/>
        <source>Correct the sheet</source>
        <translation>更正评分表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="283"/>
        <source>Why must the submitted sheet be corrected?</source>
        <translation>请说明更正已提交评分表的理由：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="312"/>
        <source>Declare a conflict of interest</source>
        <translation>声明利益冲突</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="313"/>
        <source>Why can you not score this application impartially?</source>
        <translation>请说明不能公正评审该申报的原因：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="333"/>
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
        <location filename="../../ui/scoring_panel.ui" line="11"/>
        <source>Application:</source>
        <translation>申报：</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="52"/>
        <source>Paper sheet…</source>
        <translation>纸质评分表…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="53"/>
        <source>Declare a conflict of interest…</source>
        <translation>声明利益冲突…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="54"/>
        <source>Sheets overview…</source>
        <translation>评分表总览…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="55"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="56"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="57"/>
        <source>Correct (new revision)…</source>
        <translation>更正（新建修订版）…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring_panel.ui" line="58"/>
        <source>Submit and sign…</source>
        <translation>提交并签名…</translation>
    </message>
</context>
<context>
    <name>SelectionDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="101"/>
        <source>Selected list of %1</source>
        <translation>%1 拟入选名单</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="117"/>
        <source>The unticked shortlisted applications will be recorded as not selected.</source>
        <translation>未勾选的入围申报将记录为未入选。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="121"/>
        <source>Decision date:</source>
        <translation>决定日期：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="135"/>
        <source>%1 of at most %2 places</source>
        <translation>已选 %1 家，名额至多 %2 家</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="140"/>
        <source>%1 selected and %2 not selected. This cannot be undone. Continue?</source>
        <translation>拟入选 %1 家，未入选 %2 家。此操作不可撤销。是否继续？</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/ranking_dialogs.py" line="79"/>
        <source>Ranking settings of %1</source>
        <translation>%1汇总设置</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="19"/>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="19"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="20"/>
        <source>Criterion</source>
        <translation>评分指标</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="20"/>
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="21"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_model.py" line="21"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
</context>
<context>
    <name>SheetsOverview</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="383"/>
        <source>Sheets overview</source>
        <translation>评分表总览</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="386"/>
        <source>✓ submitted · … draft · ○ not started · 回避 conflict of interest. Still missing: %1 sheet(s).</source>
        <translation>✓ 已提交 · … 草稿 · ○ 未开始 · 回避 利益冲突。尚缺 %1 份评分表。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="388"/>
        <source>Only applications with missing sheets</source>
        <translation>只显示尚缺评分表的申报</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="343"/>
        <source>Submit and sign</source>
        <translation>提交并签名</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="345"/>
        <source>Total %1 points. After submission the sheet is read-only; a correction becomes a new revision with a reason.</source>
        <translation>合计 %1 分。提交后评分表不可修改；如需更正，将新建修订版并写明理由。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/scoring_panel.py" line="358"/>
        <source>Please sign in the box.</source>
        <translation>请在框内签名。</translation>
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
    <name>UnlockDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="34"/>
        <source>hvp-desktop — unlock</source>
        <translation>hvp-desktop — 解锁</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="64"/>
        <source>Open working file</source>
        <translation>打开工作文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="76"/>
        <source>Choose a working file first.</source>
        <translation>请先选择工作文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="79"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="85"/>
        <source>Wrong password. The file was not changed.</source>
        <translation>密码错误，文件未被修改。</translation>
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
    <name>parent</name>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="59"/>
        <source>Choose a round</source>
        <translation>选择轮次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="59"/>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="151"/>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="158"/>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="170"/>
        <source>Shortlist</source>
        <translation>入围</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="152"/>
        <source>Apply the formal review and shortlist %1? Applications that fail the formal review are rejected; with 40 or more applicants at least 2 × %2 are shortlisted by preliminary score (R15). This cannot be undone.</source>
        <translation>对 %1 进行形式审查并确定入围名单？形式审查不通过的申报将不予受理；申报数达到40家时，按初审得分确定不少于 2 × %2 家入围（R15）。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="163"/>
        <source>%1 shortlisted, %2 not shortlisted, %3 rejected in the formal review.</source>
        <translation>入围 %1 家，未入围 %2 家，形式审查不通过 %3 家。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="167"/>
        <source>Fewer than 40 applied: all eligible applications go to expert review (R15).</source>
        <translation>申报不足40家：符合条件的申报全部进入专家评审（R15）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="169"/>
        <source>Shortlist line: %1 points (ties kept).</source>
        <translation>入围分数线：%1 分（同分者全部入围）。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="174"/>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="180"/>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="184"/>
        <source>Holiday arrangement</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/round_actions.py" line="185"/>
        <source>Holidays saved for %1. Dates in these years are no longer provisional.</source>
        <translation>已录入 %1 年的节假日安排，这些年份的日期不再是暂定。</translation>
    </message>
</context>
</TS>
