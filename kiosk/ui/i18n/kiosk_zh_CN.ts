<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Calculator</name>
    <message>
        <source>divide</source>
        <translation>除以</translation>
    </message>
    <message>
        <source>times</source>
        <translation>乘以</translation>
    </message>
    <message>
        <source>minus</source>
        <translation>减</translation>
    </message>
    <message>
        <source>plus</source>
        <translation>加</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>delete the last sign</source>
        <translation>删除最后一个符号</translation>
    </message>
    <message>
        <source>open bracket</source>
        <translation>左括号</translation>
    </message>
    <message>
        <source>close bracket</source>
        <translation>右括号</translation>
    </message>
    <message>
        <source>decimal point</source>
        <translation>小数点</translation>
    </message>
    <message>
        <source>square root</source>
        <translation>平方根</translation>
    </message>
    <message>
        <source>to the power of</source>
        <translation>乘方</translation>
    </message>
    <message>
        <source>natural logarithm</source>
        <translation>自然对数</translation>
    </message>
    <message>
        <source>logarithm to base 10</source>
        <translation>以 10 为底的对数</translation>
    </message>
    <message>
        <source>pi</source>
        <translation>圆周率 π</translation>
    </message>
    <message>
        <source>sine, in degrees</source>
        <translation>正弦（角度制）</translation>
    </message>
    <message>
        <source>cosine, in degrees</source>
        <translation>余弦（角度制）</translation>
    </message>
    <message>
        <source>Calculator: the sum</source>
        <translation>计算器：算式</translation>
    </message>
    <message>
        <source>Scientific calculator: type the sum, then press Enter. Angles are in degrees.</source>
        <translation>科学计算器：输入算式，然后按回车键。角度以度为单位。</translation>
    </message>
    <message>
        <source>Calculator: type the sum, then press Enter.</source>
        <translation>计算器：输入算式，然后按回车键。</translation>
    </message>
    <message>
        <source>for example 12 × 3.5</source>
        <translation>例如 12 × 3.5</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the calculator</source>
        <translation>关闭计算器</translation>
    </message>
</context>
<context>
    <name>ErrorDisplay</name>
    <message>
        <source>Something went wrong inside the kiosk program. Call the invigilator; the details are in the kiosk log.</source>
        <translation>考试机程序内部出错。请叫监考老师；详细信息已记入考试机日志。</translation>
    </message>
</context>
<context>
    <name>ExamScreen</name>
    <message>
        <source>Question {number} of {total}</source>
        <translation>第 {number} 题，共 {total} 题</translation>
    </message>
    <message>
        <source>⚑ Flagged for review</source>
        <translation>⚑ 已标记待查</translation>
    </message>
    <message>
        <source>✓ Answer saved</source>
        <translation>✓ 答案已保存</translation>
    </message>
    <message>
        <source>Your answer to question {number} was NOT saved. Put up your hand for the invigilator now.</source>
        <translation>第 {number} 题的答案没有保存！请立即举手示意监考老师。</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Only 1 minute left. Your answers are handed in automatically when time runs out.</source>
        <translation>只剩 1 分钟。时间到时将自动交卷。</translation>
    </message>
    <message>
        <source>Only {minutes} minutes left. Your answers are handed in automatically when time runs out.</source>
        <translation>只剩 {minutes} 分钟。时间到时将自动交卷。</translation>
    </message>
    <message>
        <source>The exam has resumed. Your time is running again.</source>
        <translation>考试已继续，重新开始计时。</translation>
    </message>
    <message>
        <source>Your time was stopped for {time} while the invigilator used this PC; you lost none.</source>
        <translation>监考员使用本电脑期间，您的计时暂停了 {time}；您没有损失任何时间。</translation>
    </message>
    <message>
        <source>The invigilator gave you {minutes} more minutes.</source>
        <translation>监考老师为您延长了 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Rest break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Your time is stopped and your answers are saved. When you are back, press the button below and your time runs again.</source>
        <translation>您的计时已暂停，答案已保存。回来后请按下面的按钮，计时将继续。</translation>
    </message>
    <message>
        <source>Exam paused</source>
        <translation>考试已暂停</translation>
    </message>
    <message>
        <source>The invigilator has paused the exam. Your time is stopped and your answers are saved.</source>
        <translation>监考老师已暂停考试。计时已停止，您的答案均已保存。</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>下一题(&amp;N) ▶</translation>
    </message>
    <message>
        <source>⚑ &amp;Flag for review</source>
        <translation>⚑ 标记待查(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Review and submit</source>
        <translation>检查并交卷(&amp;R)</translation>
    </message>
    <message>
        <source>Rest &amp;break</source>
        <translation>休息(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Calculator</source>
        <translation>计算器(&amp;C)</translation>
    </message>
    <message>
        <source>I am &amp;back: continue the exam</source>
        <translation>我回来了：继续考试(&amp;B)</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation>标记待查</translation>
    </message>
    <message>
        <source>Marks this question to look at again before you submit.</source>
        <translation>标记此题，以便交卷前再看一遍。</translation>
    </message>
    <message>
        <source>Review and submit</source>
        <translation>检查并交卷</translation>
    </message>
    <message>
        <source>Lists unanswered and flagged questions; you submit from there.</source>
        <translation>列出未作答和已标记的题目；您在那里交卷。</translation>
    </message>
    <message>
        <source>Asks for a rest break; the invigilator confirms it and your time stops.</source>
        <translation>申请休息；监考员确认后，您的计时暂停。</translation>
    </message>
    <message>
        <source>Calculator</source>
        <translation>计算器</translation>
    </message>
    <message>
        <source>Shows or hides the calculator in place of the question numbers.</source>
        <translation>在题号区域显示或隐藏计算器。</translation>
    </message>
    <message>
        <source>I am back: continue the exam</source>
        <translation>我回来了：继续考试</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Filled: answered. ◐ and a dashed border: partly answered. ⚑: flagged. Thick border: on screen now. Click a number to go there.</source>
        <translation>实心：已作答。◐ 和虚线边框：部分作答。⚑：已标记。粗边框：当前题目。点击题号即可跳转。</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>1+X Assessment Kiosk</source>
        <translation>1+X 考评考试机</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>大字体</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <source>Invigilator</source>
        <translation>监考老师</translation>
    </message>
    <message>
        <source>For the invigilator only: asks for their PIN.</source>
        <translation>仅供监考员使用：需要输入 PIN 码。</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>1+X Assessment Kiosk</source>
        <translation>1+X 考评考试机</translation>
    </message>
    <message>
        <source>{centre} — {kiosk}
Today's sittings, {date}</source>
        <translation>{centre} — {kiosk}
今日考试（{date}）</translation>
    </message>
    <message>
        <source>This PC is not set up as a kiosk yet; ask the centre administrator to run kiosk init.</source>
        <translation>本电脑尚未设置为考试机；请考点管理员运行 kiosk init。</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Invigilator: &amp;open a sitting</source>
        <translation>监考老师：开启考场(&amp;O)</translation>
    </message>
    <message>
        <source>Checking the kiosk store…</source>
        <translation>正在检查考试机数据库…</translation>
    </message>
    <message>
        <source>No sitting is scheduled on this kiosk today.</source>
        <translation>本考试机今天没有安排考试。</translation>
    </message>
    <message>
        <source>Candidate {candidate}: {time} left</source>
        <translation>考生 {candidate}：剩余 {time}</translation>
    </message>
    <message>
        <source>An exam on this PC was interrupted. Open its sitting to let the candidate resume.</source>
        <translation>本电脑上有考试被中断。请开启该考场，让考生继续作答。</translation>
    </message>
</context>
<context>
    <name>InstructionsScreen</name>
    <message>
        <source>Welcome, {name}</source>
        <translation>欢迎，{name}</translation>
    </message>
    <message>
        <source>Please read this before you start.</source>
        <translation>开始前请阅读以下说明。</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Time allowed</source>
        <translation>考试时间</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目数量</translation>
    </message>
    <message>
        <source>{minutes} minutes (including your extra time)</source>
        <translation>{minutes} 分钟（含延长时间）</translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>The clock starts when you press Start and shows the time you have left.</source>
        <translation>按“开始考试”后开始计时，屏幕显示剩余时间。</translation>
    </message>
    <message>
        <source>Each answer is saved as soon as you give it; a ✓ mark shows it was saved.</source>
        <translation>每作答一题即自动保存；出现 ✓ 标记表示已保存。</translation>
    </message>
    <message>
        <source>You may move between questions, change answers and flag questions to come back to.</source>
        <translation>您可以在题目之间切换、修改答案，并标记需要回头检查的题目。</translation>
    </message>
    <message>
        <source>When time runs out your saved answers are handed in automatically.</source>
        <translation>时间到时，已保存的答案将自动提交。</translation>
    </message>
    <message>
        <source>If the PC stops, put up your hand: your answers and your time are kept.</source>
        <translation>如果电脑停止工作，请举手：您的答案和剩余时间都会保留。</translation>
    </message>
    <message>
        <source>Do not leave this screen or use other programs; that is recorded.</source>
        <translation>请勿离开本界面或使用其他程序，否则将被记录。</translation>
    </message>
    <message>
        <source>&amp;Continue the exam</source>
        <translation>继续考试(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Start the exam</source>
        <translation>开始考试(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ItemWidget</name>
    <message>
        <source>Put these in the right order, first at the top: drag a line, or select it and use Move up / Move down (Alt+Up, Alt+Down). Press Keep this order if it is already right.</source>
        <translation>请按正确顺序排列，第一项在最上面：拖动某一行，或选中后使用“上移”/“下移”（Alt+↑、Alt+↓）。如果顺序已经正确，请按“保持此顺序”。</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Keep this order</source>
        <translation>保持此顺序</translation>
    </message>
    <message>
        <source>The order, first at the top</source>
        <translation>排列顺序，第一项在最上面</translation>
    </message>
    <message>
        <source>Move the selected line up</source>
        <translation>将选中的行上移</translation>
    </message>
    <message>
        <source>Move the selected line down</source>
        <translation>将选中的行下移</translation>
    </message>
    <message>
        <source>Saves the order as it is.</source>
        <translation>按当前顺序保存。</translation>
    </message>
    <message>
        <source>For each line on the left, choose the matching answer from its list.</source>
        <translation>请为左侧每一行从列表中选择相匹配的答案。</translation>
    </message>
    <message>
        <source>Choose the matching answer from the list.</source>
        <translation>从列表中选择对应的答案。</translation>
    </message>
    <message>
        <source>Answers to choose from:</source>
        <translation>可选答案：</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>Choose one answer (press A, B, C... or 1, 2, 3...).</source>
        <translation>请选择一个答案（可按 A、B、C… 或 1、2、3…）。</translation>
    </message>
    <message>
        <source>Choose every answer that is right (press A, B, C... to tick or untick).</source>
        <translation>请选出所有正确答案（按 A、B、C… 勾选或取消）。</translation>
    </message>
    <message>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Type a number in {unit}, then press Enter (a decimal comma is fine).</source>
        <translation>请输入以 {unit} 为单位的数字，然后按回车键（可用逗号作小数点）。</translation>
    </message>
    <message>
        <source>Type a number, then press Enter (a decimal comma is fine).</source>
        <translation>请输入数字，然后按回车键（可用逗号作小数点）。</translation>
    </message>
    <message>
        <source>for example 2.5</source>
        <translation>例如 2.5</translation>
    </message>
    <message>
        <source>Your answer, a number in {unit}</source>
        <translation>您的答案，以 {unit} 为单位的数字</translation>
    </message>
    <message>
        <source>Your answer, a number</source>
        <translation>您的答案，一个数字</translation>
    </message>
    <message>
        <source>This is not a number; type digits such as 2.5 or 2,5.</source>
        <translation>这不是数字；请输入如 2.5 或 2,5 这样的数字。</translation>
    </message>
    <message>
        <source>Type a short answer (at most {count} characters), then press Enter.</source>
        <translation>请输入简短答案（最多 {count} 个字符），然后按回车键。</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>您的答案</translation>
    </message>
</context>
<context>
    <name>KioskPresenter</name>
    <message>
        <source>scheduled</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已开启</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>身体不适</translation>
    </message>
    <message>
        <source>Technical problem</source>
        <translation>技术故障</translation>
    </message>
    <message>
        <source>Suspected misconduct</source>
        <translation>疑似违纪</translation>
    </message>
    <message>
        <source>Power cut</source>
        <translation>停电</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>其他情况</translation>
    </message>
    <message>
        <source>Invigilator menu</source>
        <translation>监考菜单</translation>
    </message>
    <message>
        <source>Invigilator</source>
        <translation>监考老师</translation>
    </message>
    <message>
        <source>Type your PIN to open the invigilator menu.</source>
        <translation>请输入您的 PIN 码以打开监考菜单。</translation>
    </message>
    <message>
        <source>Invigilator PINs are locked</source>
        <translation>监考员 PIN 码已被锁定</translation>
    </message>
    <message>
        <source>Another invigilator's PIN or the centre's recovery code can clear the lock now.</source>
        <translation>另一位监考员的 PIN 码或考点的恢复码可以立即解除锁定。</translation>
    </message>
    <message>
        <source>Clear the lock…</source>
        <translation>解除锁定…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Clear the PIN lock</source>
        <translation>解除 PIN 码锁定</translation>
    </message>
    <message>
        <source>Type another invigilator's PIN, or the centre's recovery code (letters and digits, kept sealed by the centre).</source>
        <translation>请输入另一位监考员的 PIN 码，或考点的恢复码（由字母和数字组成，由考点密封保管）。</translation>
    </message>
    <message>
        <source>Invigilator PIN or recovery code</source>
        <translation>监考员 PIN 码或恢复码</translation>
    </message>
    <message>
        <source>The lock is cleared</source>
        <translation>锁定已解除</translation>
    </message>
    <message>
        <source>Invigilator PINs work again; the clearing was recorded.</source>
        <translation>监考员 PIN 码已恢复可用；解除锁定已被记录。</translation>
    </message>
    <message>
        <source>Rest break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>A rest break stops your clock until you come back; it is recorded. Put up your hand: the invigilator confirms the break with their PIN.</source>
        <translation>休息期间计时暂停，直到您回来；休息会被记录。请举手：监考员用其 PIN 码确认休息。</translation>
    </message>
    <message>
        <source>Resume the exam</source>
        <translation>继续考试</translation>
    </message>
    <message>
        <source>Pause the exam</source>
        <translation>暂停考试</translation>
    </message>
    <message>
        <source>Give extra time…</source>
        <translation>延长考试时间…</translation>
    </message>
    <message>
        <source>Record an incident…</source>
        <translation>记录考场情况…</translation>
    </message>
    <message>
        <source>End the sitting…</source>
        <translation>结束本场考试…</translation>
    </message>
    <message>
        <source>Leave the kiosk…</source>
        <translation>退出考试机…</translation>
    </message>
    <message>
        <source>Candidate {number}, attempt {attempt}</source>
        <translation>考生 {number}，答卷 {attempt}</translation>
    </message>
    <message>
        <source>The incident was recorded.</source>
        <translation>考场情况已记录。</translation>
    </message>
    <message>
        <source>End the sitting?</source>
        <translation>结束本场考试吗？</translation>
    </message>
    <message>
        <source>No more candidates can log in to it on this kiosk. Paused or interrupted exams are handed in with their saved answers.</source>
        <translation>本考试机将不再允许考生登录本场考试。已暂停或中断的答卷将按已保存的答案提交。</translation>
    </message>
    <message>
        <source>End the sitting</source>
        <translation>结束本场考试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Leave the kiosk?</source>
        <translation>退出考试机吗？</translation>
    </message>
    <message>
        <source>The kiosk program closes. A running exam is paused first; its candidate can continue later.</source>
        <translation>考试机程序将关闭。正在进行的考试会先暂停，考生之后可以继续。</translation>
    </message>
    <message>
        <source>Leave the kiosk</source>
        <translation>退出考试机</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>操作未成功</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>The sitting cannot end yet</source>
        <translation>本场考试暂时不能结束</translation>
    </message>
    <message>
        <source>A candidate's exam is running on this kiosk; it must be submitted or paused first.</source>
        <translation>本考试机上有考生正在考试；须先交卷或暂停。</translation>
    </message>
    <message>
        <source>The kiosk is still checking its store; try again in a moment.</source>
        <translation>考试机仍在检查其数据库，请稍后再试。</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title}（第 {version} 版）</translation>
    </message>
    <message>
        <source>No sitting is open on this kiosk; call the invigilator.</source>
        <translation>本考试机上没有已开启的考场；请叫监考老师。</translation>
    </message>
    <message>
        <source>The exam cannot start</source>
        <translation>考试无法开始</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered. After you submit you cannot change any answer.</source>
        <translation>
            <numerusform>还有 %n 道题未作答。交卷后将不能再修改任何答案。</numerusform>
        </translation>
    </message>
    <message>
        <source>After you submit you cannot change any answer.</source>
        <translation>交卷后将不能再修改任何答案。</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) only partly answered.</source>
        <translation>
            <numerusform>有 %n 道题只作答了一部分。</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit your answers?</source>
        <translation>确定交卷吗？</translation>
    </message>
    <message>
        <source>Yes, submit</source>
        <translation>确定交卷</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>不，返回</translation>
    </message>
    <message>
        <source>Your answers were not handed in</source>
        <translation>您的答卷未能提交</translation>
    </message>
    <message>
        <source>Put up your hand for the invigilator.</source>
        <translation>请举手示意监考老师。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>Type your candidate number.</source>
        <translation>请输入准考证号。</translation>
    </message>
    <message>
        <source>Type the access code on your slip.</source>
        <translation>请输入准考条上的登录码。</translation>
    </message>
    <message>
        <source>Candidate login</source>
        <translation>考生登录</translation>
    </message>
    <message>
        <source>{sitting}
{exam}</source>
        <translation>{sitting}
{exam}</translation>
    </message>
    <message>
        <source>Candidate &amp;number</source>
        <translation>准考证号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Access code (from your slip)</source>
        <translation>登录码（见准考条）(&amp;A)</translation>
    </message>
    <message>
        <source>for example K7QF-M2XD</source>
        <translation>例如 K7QF-M2XD</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>1+X Assessment Kiosk</source>
        <translation>1+X 考评考试机</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Question {number}</source>
        <translation>第 {number} 题</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>partly answered</source>
        <translation>部分作答</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>flagged for review</source>
        <translation>已标记待查</translation>
    </message>
    <message>
        <source>on screen now</source>
        <translation>当前显示</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Invigilator PIN</source>
        <translation>监考老师 PIN 码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Type the invigilator PIN.</source>
        <translation>请输入监考老师 PIN 码。</translation>
    </message>
    <message>
        <source>Give extra time</source>
        <translation>延长考试时间</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Minutes to add</source>
        <translation>延长的分钟数</translation>
    </message>
    <message>
        <source>Reason (kept in the sitting record)</source>
        <translation>原因（记入考场记录）</translation>
    </message>
    <message>
        <source>Add time</source>
        <translation>延长时间</translation>
    </message>
    <message>
        <source>Write the reason for the extra time.</source>
        <translation>请填写延长时间的原因。</translation>
    </message>
    <message>
        <source>Record an incident</source>
        <translation>记录考场情况</translation>
    </message>
    <message>
        <source>What kind of incident</source>
        <translation>情况类别</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Describe what happened.</source>
        <translation>请描述发生的情况。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <source>The picture for this question cannot be shown; tell the invigilator.</source>
        <translation>本题图片无法显示；请告诉监考老师。</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>图示</translation>
    </message>
    <message>
        <source>Enlarge the &amp;diagram</source>
        <translation>放大图示(&amp;D)</translation>
    </message>
    <message>
        <source>Enlarge the diagram</source>
        <translation>放大图示</translation>
    </message>
    <message>
        <source>Shows the diagram filling the question area, to zoom and move about.</source>
        <translation>将图示放大到整个题目区域，可缩放和移动查看。</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Your submission code — write it down and keep it:</source>
        <translation>您的交卷码（请抄下并保存）：</translation>
    </message>
    <message>
        <source>Time is up: your answers have been handed in</source>
        <translation>时间到：您的答卷已提交</translation>
    </message>
    <message>
        <source>Your answers have been handed in</source>
        <translation>您的答卷已提交</translation>
    </message>
    <message>
        <source>Thank you, {name}.</source>
        <translation>谢谢，{name}。</translation>
    </message>
    <message numerus="yes">
        <source>{sitting} — {exam}
Handed in at {time}. You answered {answered} of %n question(s).</source>
        <translation>
            <numerusform>{sitting} — {exam}
提交时间 {time}。共 %n 题，您作答了 {answered} 题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your result will be sent to your college.</source>
        <translation>考试成绩将发送至您的学校。</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Not yet passed</source>
        <translation>暂未合格</translation>
    </message>
    <message>
        <source>Score: {percent}% — {verdict}</source>
        <translation>得分：{percent}% — {verdict}</translation>
    </message>
</context>
<context>
    <name>ResumeScreen</name>
    <message>
        <source>Restoring the exam…</source>
        <translation>正在恢复考试…</translation>
    </message>
    <message>
        <source>Choose the candidate whose exam should continue.</source>
        <translation>请选择要继续考试的考生。</translation>
    </message>
    <message>
        <source>Type your invigilator PIN.</source>
        <translation>请输入监考老师 PIN 码。</translation>
    </message>
    <message>
        <source>Resume an interrupted exam</source>
        <translation>继续被中断的考试</translation>
    </message>
    <message>
        <source>The kiosk stopped while these exams were running. Their answers are safe, and the time lost while the PC was off is not counted. Check the candidate is at this PC, then authorise.</source>
        <translation>以下考试进行时考试机停止了工作。答案均已保存，断电期间的时间不计入考试时间。请确认考生就在本机前，然后授权继续。</translation>
    </message>
    <message>
        <source>Invigilator &amp;PIN</source>
        <translation>监考老师 PIN 码(&amp;P)</translation>
    </message>
    <message>
        <source>Interrupted exams</source>
        <translation>中断的考试</translation>
    </message>
    <message>
        <source>Not now: go to candidate login</source>
        <translation>暂不继续：进入考生登录</translation>
    </message>
    <message>
        <source>&amp;Authorise and resume</source>
        <translation>授权并继续(&amp;A)</translation>
    </message>
    <message>
        <source>Candidate {candidate} — {time} left</source>
        <translation>考生 {candidate} — 剩余 {time}</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Review your answers</source>
        <translation>检查答卷</translation>
    </message>
    <message>
        <source>◀ &amp;Back to the questions</source>
        <translation>◀ 返回答题(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Submit my answers</source>
        <translation>交卷(&amp;S)</translation>
    </message>
    <message>
        <source>Questions to look at again</source>
        <translation>需要再看的题目</translation>
    </message>
    <message>
        <source>Enter goes back to the selected question.</source>
        <translation>按回车键返回所选题目。</translation>
    </message>
    <message>
        <source>Back to the questions</source>
        <translation>返回题目</translation>
    </message>
    <message>
        <source>Submit my answers</source>
        <translation>提交我的答案</translation>
    </message>
    <message>
        <source>Asks you to confirm; after that no answer can change.</source>
        <translation>会请您确认；确认后答案不能再修改。</translation>
    </message>
    <message numerus="yes">
        <source>You have answered {answered} of %n question(s); {flagged} flagged for review.</source>
        <translation>
            <numerusform>共 %n 题，您已作答 {answered} 题；{flagged} 题标记待查。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) only partly answered.</source>
        <translation>
            <numerusform>有 %n 道题只作答了一部分。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a question below and press Enter (or double-click it) to go back to it.</source>
        <translation>选择下面的题目并按回车键（或双击）即可返回该题。</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>partly answered</source>
        <translation>部分作答</translation>
    </message>
    <message>
        <source>⚑ flagged</source>
        <translation>⚑ 已标记</translation>
    </message>
    <message>
        <source>Question {number}: {states}</source>
        <translation>第 {number} 题：{states}</translation>
    </message>
    <message>
        <source>Every question is answered and none is flagged.</source>
        <translation>所有题目均已作答，且没有标记待查的题目。</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlocking the question bank…</source>
        <translation>正在解锁题库…</translation>
    </message>
    <message>
        <source>There is no sitting to open today.</source>
        <translation>今天没有可开启的考场。</translation>
    </message>
    <message>
        <source>Type your invigilator PIN.</source>
        <translation>请输入您的监考老师 PIN 码。</translation>
    </message>
    <message>
        <source>Type the release code announced for this exam.</source>
        <translation>请输入本场考试公布的开考码。</translation>
    </message>
    <message>
        <source>Open a sitting</source>
        <translation>开启考场</translation>
    </message>
    <message>
        <source>For the invigilator: choose the sitting, then type your PIN and the release code.</source>
        <translation>监考老师：请选择考场，然后输入您的 PIN 码和开考码。</translation>
    </message>
    <message>
        <source>&amp;Sitting</source>
        <translation>考场(&amp;S)</translation>
    </message>
    <message>
        <source>Invigilator &amp;PIN</source>
        <translation>监考老师 PIN 码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Release code (capitals, spaces and dashes do not matter)</source>
        <translation>开考码(&amp;R)（不区分大小写，空格和短横线可忽略）</translation>
    </message>
    <message>
        <source>for example K7QF-M2XD-9PHA</source>
        <translation>例如 K7QF-M2XD-9PHA</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>开启(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ZoomView</name>
    <message>
        <source>Diagram at {percent}% of the area. + and − zoom; the arrow keys and the wheel move about.</source>
        <translation>图示为区域的 {percent}%。+ 和 − 缩放；方向键和滚轮可移动查看。</translation>
    </message>
    <message>
        <source>Back to the &amp;question</source>
        <translation>返回题目(&amp;Q)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Back to the question</source>
        <translation>返回题目</translation>
    </message>
    <message>
        <source>Enlarged diagram</source>
        <translation>放大的图示</translation>
    </message>
    <message>
        <source>The arrow keys move about; + and − zoom.</source>
        <translation>方向键移动查看；+ 和 − 缩放。</translation>
    </message>
</context>
</TS>
