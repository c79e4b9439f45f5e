<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Exam duration must be a positive number of minutes, not {minutes}.</source>
        <translation>考试时长必须是正数（单位：分钟），不能是 {minutes}。</translation>
    </message>
    <message>
        <source>Extra-time factor must be 1 or more (for example 1.25), not {factor}.</source>
        <translation>延时系数必须不小于 1（例如 1.25），不能是 {factor}。</translation>
    </message>
    <message>
        <source>Granted extra time must be a number of seconds, 0 or more; {seconds} was given.</source>
        <translation>额外给予的时间必须是不小于 0 的秒数；给出的是 {seconds}。</translation>
    </message>
    <message>
        <source>Allowed exam time must be a number of seconds, 0 or more; {seconds} was given.</source>
        <translation>允许的考试时间必须是不小于 0 的秒数；给出的是 {seconds}。</translation>
    </message>
    <message>
        <source>Consumed exam time must be a number of seconds, 0 or more; {seconds} was given.</source>
        <translation>已用考试时间必须是不小于 0 的秒数；给出的是 {seconds}。</translation>
    </message>
    <message>
        <source>Extra time must be a positive number of seconds, not {seconds}.</source>
        <translation>延长的时间必须是正数（单位：秒），不能是 {seconds}。</translation>
    </message>
    <message>
        <source>Stored response is not valid JSON ({reason}).</source>
        <translation>已保存的作答不是有效的 JSON（{reason}）。</translation>
    </message>
    <message>
        <source>Stored response is neither text, a list of ids nor a map of ids.</source>
        <translation>已保存的作答既不是文本，也不是编号列表或编号对应表。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be one option id.</source>
        <translation>试题 {item} 的答案必须是一个选项编号。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be &quot;true&quot; or &quot;false&quot;.</source>
        <translation>试题 {item} 的答案必须是“true”或“false”。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be a number such as 2.5.</source>
        <translation>试题 {item} 的答案必须是数字，例如 2.5。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be text.</source>
        <translation>试题 {item} 的答案必须是文本。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be a list of option ids.</source>
        <translation>试题 {item} 的答案必须是选项编号列表。</translation>
    </message>
    <message>
        <source>Answer to item {item} must list option ids as text.</source>
        <translation>试题 {item} 的答案中的选项编号必须是文本。</translation>
    </message>
    <message>
        <source>Answer to item {item} names option '{choice}', which the item does not have; use one of {known}.</source>
        <translation>试题 {item} 的答案中有选项“{choice}”，但该题没有这个选项；请使用 {known} 中的一个。</translation>
    </message>
    <message>
        <source>Answer to item {item} names premise '{choice}', which the item does not have; use one of {known}.</source>
        <translation>试题 {item} 的答案中有左列项“{choice}”，但该题没有这一项；请使用 {known} 中的一个。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be &quot;true&quot; or &quot;false&quot;, not '{answer}'.</source>
        <translation>试题 {item} 的答案必须是“true”或“false”，不能是“{answer}”。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be a number such as 2.5, not true/false.</source>
        <translation>试题 {item} 的答案必须是数字（例如 2.5），不能是“对/错”。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be a number such as 2.5, not a long text.</source>
        <translation>试题 {item} 的答案必须是数字（例如 2.5），不能是一长段文字。</translation>
    </message>
    <message>
        <source>Answer to item {item} must be a number such as 2.5; '{typed}' is not one.</source>
        <translation>试题 {item} 的答案必须是数字，例如 2.5；“{typed}”不是数字。</translation>
    </message>
    <message>
        <source>Answer to item {item} lists '{element}' more than once; list each once.</source>
        <translation>试题 {item} 的答案中“{element}”出现了不止一次；每项只能列一次。</translation>
    </message>
    <message>
        <source>Answer to item {item} must place every element, but {missing} is missing.</source>
        <translation>试题 {item} 的答案必须排好每一项，但缺少 {missing}。</translation>
    </message>
    <message>
        <source>Answer to item {item} must place every element, but {missing} are missing.</source>
        <translation>试题 {item} 的答案必须排好每一项，但缺少 {missing}。</translation>
    </message>
    <message>
        <source>Answer to item {item} must map premise ids to option ids.</source>
        <translation>试题 {item} 的答案必须把左列项编号对应到选项编号。</translation>
    </message>
    <message>
        <source>Answer to item {item} must map premise ids to option ids as text.</source>
        <translation>试题 {item} 的答案必须以文本形式把左列项编号对应到选项编号。</translation>
    </message>
    <message>
        <source>Answer to item {item} is {length} characters long; keep it to {limit} or fewer.</source>
        <translation>试题 {item} 的答案有 {length} 个字符；请控制在 {limit} 个字符以内。</translation>
    </message>
    <message>
        <source>This form was drawn from bank {form_bank} version {form_version}, so it cannot be scored against bank {bank} version {version}.</source>
        <translation>这份试卷抽自题库 {form_bank} 第 {form_version} 版，因此不能按题库 {bank} 第 {version} 版评分。</translation>
    </message>
    <message>
        <source>The responses include item {item}, which is not on this candidate's form.</source>
        <translation>作答中包含试题 {item}，但该题不在这名考生的试卷上。</translation>
    </message>
    <message>
        <source>Bank {bank} version {version} has no item {item}, which is on the form.</source>
        <translation>题库 {bank} 第 {version} 版中没有试题 {item}，但该题在试卷上。</translation>
    </message>
    <message>
        <source>Item {item} names competence {competence}, which bank {bank} lacks.</source>
        <translation>试题 {item} 属于能力项 {competence}，但题库 {bank} 中没有该能力项。</translation>
    </message>
    <message>
        <source>Form data must hold a list of items under 'items'.</source>
        <translation>试卷数据必须在“items”下包含试题列表。</translation>
    </message>
    <message>
        <source>Form item {position} must be a map with an 'item_id'.</source>
        <translation>试卷第 {position} 题必须是包含“item_id”的映射。</translation>
    </message>
    <message>
        <source>The form item {position} must have 'item_id' as text.</source>
        <translation>试卷第 {position} 题的“item_id”必须是文本。</translation>
    </message>
    <message>
        <source>Form item {position} must have '{field}' as a list of ids.</source>
        <translation>试卷第 {position} 题的“{field}”必须是编号列表。</translation>
    </message>
    <message>
        <source>The form must have '{field}' as text.</source>
        <translation>试卷的“{field}”必须是文本。</translation>
    </message>
    <message>
        <source>The form must have '{field}' as a whole number.</source>
        <translation>试卷的“{field}”必须是整数。</translation>
    </message>
    <message>
        <source>Blueprint draw {draw} (competence {competence}) of bank {bank} version {version} asks for {count} items; a draw needs a count of 0 or more.</source>
        <translation>题库 {bank} 第 {version} 版组卷方案的第 {draw} 条抽题规则（能力项 {competence}）要求抽取 {count} 道题；抽题数量必须不小于 0。</translation>
    </message>
    <message>
        <source>Blueprint draw {draw} (competence {competence}) of bank {bank} version {version} cannot be filled: it asks for {count} item(s) but {left} such item(s) remain undrawn; add items or lower the count.</source>
        <translation>题库 {bank} 第 {version} 版组卷方案的第 {draw} 条抽题规则（能力项 {competence}）无法满足：要求抽取 {count} 道题，但符合条件且尚未抽取的题只剩 {left} 道；请增加试题或减少抽题数量。</translation>
    </message>
    <message>
        <source>Blueprint draw {draw} (competence {competence}, {difficulty}) of bank {bank} version {version} cannot be filled: it asks for {count} item(s) but {left} such item(s) remain undrawn; add items or lower the count.</source>
        <translation>题库 {bank} 第 {version} 版组卷方案的第 {draw} 条抽题规则（能力项 {competence}，难度 {difficulty}）无法满足：要求抽取 {count} 道题，但符合条件且尚未抽取的题只剩 {left} 道；请增加试题或减少抽题数量。</translation>
    </message>
    <message>
        <source>That cannot be done now: this attempt has not started yet.</source>
        <translation>现在不能这样操作：本次作答尚未开始。</translation>
    </message>
    <message>
        <source>That cannot be done now: this attempt is already running.</source>
        <translation>现在不能这样操作：本次作答已在进行中。</translation>
    </message>
    <message>
        <source>That cannot be done now: this attempt is paused.</source>
        <translation>现在不能这样操作：本次作答已暂停。</translation>
    </message>
    <message>
        <source>This attempt is already paused.</source>
        <translation>本次作答已经暂停。</translation>
    </message>
    <message>
        <source>That cannot be done now: this attempt was interrupted and an invigilator must first authorise resuming it.</source>
        <translation>现在不能这样操作：本次作答曾中断，须先由监考员授权才能继续。</translation>
    </message>
    <message>
        <source>This attempt has already been submitted; answers can no longer change.</source>
        <translation>本次作答已经提交，答案不能再更改。</translation>
    </message>
    <message>
        <source>This attempt's time is up and it was submitted automatically; answers can no longer change.</source>
        <translation>本次作答时间已到并已自动提交，答案不能再更改。</translation>
    </message>
    <message>
        <source>Answers cannot be saved now: this attempt has not started yet.</source>
        <translation>现在无法保存答案：本次作答尚未开始。</translation>
    </message>
    <message>
        <source>Answers cannot be saved now: this attempt is paused.</source>
        <translation>现在无法保存答案：本次作答已暂停。</translation>
    </message>
    <message>
        <source>Answers cannot be saved now: this attempt was interrupted and an invigilator must first authorise resuming it.</source>
        <translation>现在无法保存答案：本次作答曾中断，须先由监考员授权才能继续。</translation>
    </message>
    <message>
        <source>Attempt {attempt} was sat on bank {bank} version {version}, but {sources} holds version(s) {held}; the report needs the source folder of that version (its pass rules and competences decide what the report shows).</source>
        <translation>作答 {attempt} 使用的是题库 {bank} 第 {version} 版，但 {sources} 中只有第 {held} 版；报告需要该版本的题库源文件夹（报告内容取决于其中的及格规则和能力项）。</translation>
    </message>
    <message>
        <source>Attempt {attempt} was sat on bank {bank} version {version}, but {sources} does not hold it; the report needs the source folder of that version (its pass rules and competences decide what the report shows).</source>
        <translation>作答 {attempt} 使用的是题库 {bank} 第 {version} 版，但 {sources} 中没有该题库；报告需要该版本的题库源文件夹（报告内容取决于其中的及格规则和能力项）。</translation>
    </message>
    <message>
        <source>Type a sum first, for example 12 × 3.5.</source>
        <translation>请先输入算式，例如 12 × 3.5。</translation>
    </message>
    <message>
        <source>The sum is {length} characters long; the calculator takes at most {max_length}.</source>
        <translation>算式长 {length} 个字符；计算器最多接受 {max_length} 个。</translation>
    </message>
    <message>
        <source>The calculator cannot read '{text}' at position {position}; check the sum.</source>
        <translation>计算器无法识别第 {position} 个位置的“{text}”；请检查算式。</translation>
    </message>
    <message>
        <source>The sum stops too early; finish it, for example after the last sign.</source>
        <translation>算式不完整；请补全，例如最后一个符号之后的部分。</translation>
    </message>
    <message>
        <source>Put what {name} works on in brackets, for example {name}(2).</source>
        <translation>请把 {name} 作用的内容放在括号里，例如 {name}(2)。</translation>
    </message>
    <message>
        <source>The bracket opened at position {position} is never closed.</source>
        <translation>第 {position} 个位置的左括号没有闭合。</translation>
    </message>
    <message>
        <source>The bracket closed at position {position} was never opened.</source>
        <translation>第 {position} 个位置的右括号没有对应的左括号。</translation>
    </message>
    <message>
        <source>The sum has more than {depth} brackets inside each other; make it simpler.</source>
        <translation>算式中嵌套的括号超过 {depth} 层；请简化。</translation>
    </message>
    <message>
        <source>Dividing by zero has no answer.</source>
        <translation>除以零没有结果。</translation>
    </message>
    <message>
        <source>{function} has no answer for {value}.</source>
        <translation>{function} 对 {value} 没有结果。</translation>
    </message>
    <message>
        <source>A negative number ({value}) cannot be raised to a fraction.</source>
        <translation>负数（{value}）不能取分数次幂。</translation>
    </message>
    <message>
        <source>The answer is too large for the calculator.</source>
        <translation>结果太大，计算器无法显示。</translation>
    </message>
    <message>
        <source>'{name}' is on the scientific calculator only; this exam allows the basic one.</source>
        <translation>“{name}”只在科学计算器上提供；本考试只允许使用基本计算器。</translation>
    </message>
</context>
</TS>
