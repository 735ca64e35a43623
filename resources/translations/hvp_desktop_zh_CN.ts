<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicationDetailDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="49" />
        <source>Imported from</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="50" />
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="50" />
        <source>Declared</source>
        <translation>申报内容</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="51" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="51" />
        <source>Co-applicant</source>
        <translation>联合申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="51" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="55" />
        <source>Co-applicants (none)</source>
        <translation>联合申报单位（无）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="56" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="56" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="56" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_detail.py" line="56" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ApplicationDetailForm</name>
    <message>
        <location filename="../../ui/application_detail.ui" line="18" />
        <source>Declared data</source>
        <translation>申报信息</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="27" />
        <source>Co-applicants</source>
        <translation>联合申报单位</translation>
    </message>
    <message>
        <location filename="../../ui/application_detail.ui" line="35" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>ApplicationTableModel</name>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="48" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="49" />
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="50" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="51" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="52" />
        <source>Eligibility</source>
        <translation>资格</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="53" />
        <source>Co-applicants</source>
        <translation>联合申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="54" />
        <source>IP staff</source>
        <translation>专职人员</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="55" />
        <source>IP budget (10k RMB)</source>
        <translation>经费（万元）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="56" />
        <source>Invention patents</source>
        <translation>有效发明专利</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="57" />
        <source>PCT</source>
        <translation>PCT</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="58" />
        <source>Applied on</source>
        <translation>申报日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/application_model.py" line="59" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="48" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="51" />
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="60" />
        <source>All rounds</source>
        <translation>全部轮次</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/applications_panel.py" line="82" />
        <source>%1 of %2 applications shown</source>
        <translation>显示 %1 / 共 %2 件申报</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanelForm</name>
    <message>
        <location filename="../../ui/applications_panel.ui" line="10" />
        <source>Search applicant, credit code or contact</source>
        <translation>搜索申报单位、信用代码或联系人</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="14" />
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="16" />
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="18" />
        <source>Eligibility:</source>
        <translation>资格：</translation>
    </message>
    <message>
        <location filename="../../ui/applications_panel.ui" line="21" />
        <source>Import from Excel…</source>
        <translation>从Excel导入…</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="40" />
        <source>Unknown columns</source>
        <translation>未识别的列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="46" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="46" />
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="46" />
        <source>Example value</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="46" />
        <source>Holds</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="52" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="54" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="55" />
        <source>Ignore this column</source>
        <translation>忽略此列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="80" />
        <source>Choose what every column holds, or ignore it.</source>
        <translation>请为每一列选择对应字段，或选择忽略。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="84" />
        <source>Two columns cannot hold the same field.</source>
        <translation>两列不能对应同一个字段。</translation>
    </message>
</context>
<context>
    <name>ColumnMappingForm</name>
    <message>
        <location filename="../../ui/column_mapping_dialog.ui" line="9" />
        <source>Some columns of this spreadsheet have headers the application does not know. Say what each one holds, or ignore it. Columns that hold data are never dropped silently.</source>
        <translation>此表格中有本程序无法识别的表头。请说明每一列对应的字段，或选择忽略。含有数据的列不会被悄悄丢弃。</translation>
    </message>
    <message>
        <location filename="../../ui/column_mapping_dialog.ui" line="19" />
        <source>Remember these choices for the next import</source>
        <translation>下次导入时记住这些选择</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="107" />
        <source>Import applications from Excel</source>
        <translation>从Excel导入申报信息</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="125" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="125" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="125" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="136" />
        <source>Choose the Excel file</source>
        <translation>选择Excel文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="142" />
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="159" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="166" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="176" />
        <source>Not imported: %n column(s) hold data the application does not know.</source>
        <translation>
            <numerusform>未导入：有 %n 列含有无法识别的数据。</numerusform></translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="191" />
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="196" />
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="197" />
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="202" />
        <source>%1 rows read: %2 valid, %3 rejected.</source>
        <translation>共读取 %1 行：有效 %2 行，拒绝 %3 行。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="205" />
        <source>Import all is possible only when no row is rejected; or import the valid rows and save the rejected ones to fix them.</source>
        <translation>只有在没有被拒绝的行时才能全部导入；也可以只导入有效行，并把被拒绝的行另存下来修改。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="234" />
        <source>Save the rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="253" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/import_dialog.py" line="260" />
        <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
        <translation>导入完成：新增 %1，更新 %2，未变 %3。</translation>
    </message>
</context>
<context>
    <name>ImportForm</name>
    <message>
        <location filename="../../ui/import_dialog.ui" line="9" />
        <source>Excel file:</source>
        <translation>Excel文件：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="13" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="14" />
        <source>Save template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="17" />
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="20" />
        <source>Rows without a year belong to</source>
        <translation>未填年度的行归入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="41" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="42" />
        <source>Import valid rows only…</source>
        <translation>只导入有效行…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="43" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="16" />
        <source>Applied</source>
        <translation>已申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="17" />
        <source>Rejected in formal review</source>
        <translation>形式审查未通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="18" />
        <source>Shortlisted</source>
        <translation>入围</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="19" />
        <source>Not selected</source>
        <translation>未入选</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="20" />
        <source>Selected</source>
        <translation>拟入选</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="21" />
        <source>Recognised</source>
        <translation>已认定</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="22" />
        <source>Objection upheld</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="23" />
        <source>Year 1 passed</source>
        <translation>第一年考核通过</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="24" />
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="25" />
        <source>Accepted</source>
        <translation>已验收</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="26" />
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="27" />
        <source>Withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="35" />
        <source>All R1 facts declared yes</source>
        <translation>R1各项均申报为“是”</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="36" />
        <source>Some R1 fact declared no</source>
        <translation>有R1项申报为“否”</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="37" />
        <source>Some R1 fact not declared</source>
        <translation>有R1项未申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="45" />
        <source>Meets R1</source>
        <translation>符合R1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="46" />
        <source>Fails R1</source>
        <translation>不符合R1</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="47" />
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="55" />
        <source>University</source>
        <translation>高校</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="56" />
        <source>Research institute</source>
        <translation>科研院所</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="57" />
        <source>IP service agency</source>
        <translation>知识产权服务机构</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="64" />
        <source>Not declared</source>
        <translation>未申报</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="66" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="68" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="75" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="76" />
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="77" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="78" />
        <source>Registered in the district</source>
        <translation>注册地在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="79" />
        <source>Tax relation in the district</source>
        <translation>税务关系在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="80" />
        <source>Statistics relation in the district</source>
        <translation>统计关系在本区</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="81" />
        <source>Independent legal person</source>
        <translation>独立法人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="82" />
        <source>Independent accounting</source>
        <translation>独立核算</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="83" />
        <source>Good credit</source>
        <translation>信用良好</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="84" />
        <source>Group / affiliated companies</source>
        <translation>所属集团/关联企业</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="85" />
        <source>Full-time IP staff</source>
        <translation>知识产权专职人员数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="86" />
        <source>Annual IP budget (RMB)</source>
        <translation>年度知识产权工作经费（元）</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="87" />
        <source>Senior executive in charge</source>
        <translation>高管负责人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="88" />
        <source>Independent IP department</source>
        <translation>独立知识产权部门</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="89" />
        <source>ISO 56005 implemented</source>
        <translation>实施ISO 56005</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="90" />
        <source>Valid invention patents</source>
        <translation>有效发明专利数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="91" />
        <source>PCT applications</source>
        <translation>PCT申请数</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="92" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="93" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="94" />
        <source>Application date</source>
        <translation>申报日期</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="102" />
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/labels.py" line="103" />
        <source>Updated by import</source>
        <translation>导入更新</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="36" />
        <source>Applications</source>
        <translation>申报列表</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="48" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="49" />
        <source>&amp;Import applications…</source>
        <translation>导入申报信息(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="51" />
        <source>Change &amp;password…</source>
        <translation>更改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="53" />
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="54" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="56" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="57" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="65" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="66" />
        <source>&amp;About hvp-desktop</source>
        <translation>关于 hvp-desktop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="101" />
        <source>Re-encrypting the working file…</source>
        <translation>正在重新加密工作文件…</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="102" />
        <location filename="../../hvp_desktop/gui/main_window.py" line="104" />
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="103" />
        <source>The password was changed.</source>
        <translation>密码已更改。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="107" />
        <source>About hvp-desktop</source>
        <translation>关于 hvp-desktop</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/main_window.py" line="108" />
        <source>hvp-desktop %1

The offline tool of the expert panels of the Huangpu district's High-Value Patent Cultivation and Layout Centre programme.</source>
        <translation>hvp-desktop %1

黄埔区高价值专利培育布局中心评审专家组离线工具。</translation>
    </message>
</context>
<context>
    <name>NewFileForm</name>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="9" />
        <source>The working file is encrypted with this password. Without it nobody, including you, can open the file again: keep it safe.</source>
        <translation>工作文件将用此密码加密。没有密码，任何人（包括您自己）都无法再打开文件，请妥善保管。</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="15" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="19" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="22" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="24" />
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../ui/new_file_dialog.ui" line="26" />
        <source>Show password</source>
        <translation>显示密码</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="124" />
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="140" />
        <source>New working file</source>
        <translation>新建工作文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="124" />
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="136" />
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="129" />
        <source>The file will be re-encrypted with the new password. Keep the new password safe: the old one will no longer open the file.</source>
        <translation>文件将用新密码重新加密。请妥善保管新密码：旧密码将无法再打开此文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="136" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="152" />
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform></translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="155" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="160" />
        <source>Choose where to save the new file.</source>
        <translation>请选择新文件的保存位置。</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../hvp_desktop/gui/tasks.py" line="48" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/tasks.py" line="70" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="34" />
        <source>hvp-desktop — unlock</source>
        <translation>hvp-desktop — 解锁</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="64" />
        <source>Open working file</source>
        <translation>打开工作文件</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="76" />
        <source>Choose a working file first.</source>
        <translation>请先选择工作文件。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="79" />
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../hvp_desktop/gui/unlock_dialog.py" line="85" />
        <source>Wrong password. The file was not changed.</source>
        <translation>密码错误，文件未被修改。</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="9" />
        <source>Open a working file</source>
        <translation>打开工作文件</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="15" />
        <source>Recent files</source>
        <translation>最近使用的文件</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="26" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="30" />
        <source>Path of a *.hvpdb working file</source>
        <translation>*.hvpdb 工作文件的路径</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="31" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="35" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="41" />
        <source>Show password</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="53" />
        <source>New working file…</source>
        <translation>新建工作文件…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="54" />
        <source>Open demo file</source>
        <translation>打开演示文件</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="56" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.ui" line="57" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
</TS>