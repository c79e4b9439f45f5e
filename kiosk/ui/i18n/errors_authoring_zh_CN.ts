<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The bank source {folder} has {count} problem(s).</source>
        <translation>题库源文件 {folder} 有 {count} 个问题。</translation>
    </message>
    <message>
        <source>The bank source folder {path} does not exist; give the folder holding the banks.</source>
        <translation>题库源文件夹 {path} 不存在；请给出存放题库的文件夹。</translation>
    </message>
    <message>
        <source>The folder {path} holds no bank source (no {file} in it or in its sub-folders); give the folder of bank sources, e.g. question_banks.</source>
        <translation>文件夹 {path} 中没有题库源文件（该文件夹及其子文件夹中都没有 {file}）；请给出题库源文件夹，例如 question_banks。</translation>
    </message>
    <message>
        <source>is not a folder; give the bank's source folder</source>
        <translation>不是文件夹；请给出题库的源文件夹</translation>
    </message>
    <message>
        <source>is missing; every bank folder needs a bank.yaml</source>
        <translation>不存在；每个题库文件夹都需要一个 bank.yaml</translation>
    </message>
    <message>
        <source>holds no .yaml item files</source>
        <translation>其中没有 .yaml 试题文件</translation>
    </message>
    <message>
        <source>must be a YAML list of items ('- id: ...')</source>
        <translation>必须是 YAML 试题列表（'- id: ...'）</translation>
    </message>
    <message>
        <source>holds {entry}, not an item mapping</source>
        <translation>包含 {entry}，它不是试题映射</translation>
    </message>
    <message>
        <source>must be a mapping (certificate:, grade:, ...)</source>
        <translation>必须是映射（certificate:、grade:、……）</translation>
    </message>
    <message>
        <source>the key '{key}' appears twice</source>
        <translation>键“{key}”出现了两次</translation>
    </message>
    <message>
        <source>is not UTF-8 text (at byte {offset}); save it as UTF-8</source>
        <translation>不是 UTF-8 文本（第 {offset} 字节处）；请另存为 UTF-8 编码</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>is not valid YAML: {reason}</source>
        <translation>不是有效的 YAML：{reason}</translation>
    </message>
    <message>
        <source>'{key}' must be a mapping of names to values</source>
        <translation>“{key}”必须是名称到值的映射</translation>
    </message>
    <message>
        <source>'{key}' is missing or empty</source>
        <translation>“{key}”缺失或为空</translation>
    </message>
    <message>
        <source>'{key}' is missing</source>
        <translation>缺少“{key}”</translation>
    </message>
    <message>
        <source>'{key}' must be text</source>
        <translation>“{key}”必须是文本</translation>
    </message>
    <message>
        <source>'{key}' is '{value}'; use one of: {allowed}</source>
        <translation>“{key}”的值是“{value}”；请使用以下之一：{allowed}</translation>
    </message>
    <message>
        <source>'{key}' must be a whole number of at least {minimum}, not {value}</source>
        <translation>“{key}”必须是不小于 {minimum} 的整数，不能是 {value}</translation>
    </message>
    <message>
        <source>'{key}' must be a number, not {value}</source>
        <translation>“{key}”必须是数字，不能是 {value}</translation>
    </message>
    <message>
        <source>'{key}' must be true or false</source>
        <translation>“{key}”必须是 true 或 false</translation>
    </message>
    <message>
        <source>'grade' must be 1, 2 or 3 (I, II, III), not {grade}</source>
        <translation>“grade”必须是 1、2 或 3（即 I、II、III 级），不能是 {grade}</translation>
    </message>
    <message>
        <source>'languages' must be a list holding en and optionally zh</source>
        <translation>“languages”必须是列表，包含 en，并可选包含 zh</translation>
    </message>
    <message>
        <source>'competences' must list the grade's competences</source>
        <translation>“competences”必须列出该等级的能力项</translation>
    </message>
    <message>
        <source>competence {entry} must be a mapping with id, area and title</source>
        <translation>能力项 {entry} 必须是包含 id、area 和 title 的映射</translation>
    </message>
    <message>
        <source>a competence needs an 'id' such as F1</source>
        <translation>能力项需要一个“id”，例如 F1</translation>
    </message>
    <message>
        <source>'pass_mark' is a percent between 0 and 100, not {value}</source>
        <translation>“pass_mark”是 0 到 100 之间的百分数，不能是 {value}</translation>
    </message>
    <message>
        <source>the minimum for {area} is a percent between 0 and 100, not {value}</source>
        <translation>{area} 的最低分是 0 到 100 之间的百分数，不能是 {value}</translation>
    </message>
    <message>
        <source>'{area}' is not an area; use foundational, practical or reflexive</source>
        <translation>“{area}”不是能力领域；请使用 foundational、practical 或 reflexive</translation>
    </message>
    <message>
        <source>'draws' must list what a form contains</source>
        <translation>“draws”必须列出一份试卷包含哪些题</translation>
    </message>
    <message>
        <source>draw {entry} must be a mapping like {{competence: F1, count: 4}}</source>
        <translation>抽题规则 {entry} 必须是映射，例如 {{competence: F1, count: 4}}</translation>
    </message>
    <message>
        <source>a draw needs a 'competence'</source>
        <translation>抽题规则需要一个“competence”</translation>
    </message>
    <message>
        <source>'stimuli' must be a list</source>
        <translation>“stimuli”必须是列表</translation>
    </message>
    <message>
        <source>stimulus {entry} must be a mapping with id and text</source>
        <translation>材料 {entry} 必须是包含 id 和 text 的映射</translation>
    </message>
    <message>
        <source>a stimulus needs an 'id'</source>
        <translation>材料需要一个“id”</translation>
    </message>
    <message>
        <source>'image' must be a path inside the bank folder, not {image}</source>
        <translation>“image”必须是题库文件夹内的路径，不能是 {image}</translation>
    </message>
    <message>
        <source>the image {image} must be .svg, .png or .jpg</source>
        <translation>图片 {image} 必须是 .svg、.png 或 .jpg 格式</translation>
    </message>
    <message>
        <source>the image {image} is not in the bank folder; add it or fix the path</source>
        <translation>图片 {image} 不在题库文件夹中；请添加该图片或修正路径</translation>
    </message>
    <message>
        <source>'{key}' must list the choices</source>
        <translation>“{key}”必须列出各个选项</translation>
    </message>
    <message>
        <source>each of '{key}' must be a mapping like {{id: {first}, text: ...}}</source>
        <translation>“{key}”中的每一项都必须是映射，例如 {{id: {first}, text: ...}}</translation>
    </message>
    <message>
        <source>'{key}' ids must be {ids}, not {id}</source>
        <translation>“{key}”的编号必须是 {ids} 之一，不能是 {id}</translation>
    </message>
    <message>
        <source>the id {id} appears twice in '{key}'</source>
        <translation>编号 {id} 在“{key}”中出现了两次</translation>
    </message>
    <message>
        <source>an item needs an 'id'</source>
        <translation>试题需要一个“id”</translation>
    </message>
    <message>
        <source>a true_false answer must be true or false, not {answer}</source>
        <translation>true_false 题的答案必须是 true 或 false，不能是 {answer}</translation>
    </message>
    <message>
        <source>a matching answer must map premise ids to option ids, like {{&quot;1&quot;: B}}</source>
        <translation>匹配题的答案必须把左列项编号对应到选项编号，例如 {{&quot;1&quot;: B}}</translation>
    </message>
    <message>
        <source>'accept' must list the accepted answers</source>
        <translation>“accept”必须列出可接受的答案</translation>
    </message>
    <message>
        <source>the competence id {competence} is used {count} times</source>
        <translation>能力项编号 {competence} 被使用了 {count} 次</translation>
    </message>
    <message>
        <source>the id is used again (first at {first_file}:{first_line})</source>
        <translation>该编号重复使用（首次出现在 {first_file}:{first_line}）</translation>
    </message>
    <message>
        <source>the competence {competence} is not one of {known}</source>
        <translation>能力项 {competence} 不在 {known} 之中</translation>
    </message>
    <message>
        <source>the stimulus {stimulus} is not defined in bank.yaml</source>
        <translation>材料 {stimulus} 未在 bank.yaml 中定义</translation>
    </message>
    <message>
        <source>some text has a Chinese version, so 'languages' must include zh</source>
        <translation>部分文本有中文版本，因此“languages”必须包含 zh</translation>
    </message>
    <message>
        <source>a {type} item needs at least {minimum} options</source>
        <translation>{type} 题至少需要 {minimum} 个选项</translation>
    </message>
    <message>
        <source>the answer must be one option id of {options}</source>
        <translation>答案必须是 {options} 中的一个选项编号</translation>
    </message>
    <message>
        <source>the answer must list distinct option ids of {options}</source>
        <translation>答案必须列出 {options} 中互不相同的选项编号</translation>
    </message>
    <message>
        <source>the answer must list every option id exactly once, in the right order</source>
        <translation>答案必须按正确顺序列出每个选项编号，且每个只出现一次</translation>
    </message>
    <message>
        <source>the answer must give exactly one option for every premise</source>
        <translation>答案必须为每个左列项恰好给出一个选项</translation>
    </message>
    <message>
        <source>premise {premise} is matched to {option}, which is not an option id</source>
        <translation>左列项 {premise} 对应到 {option}，但 {option} 不是选项编号</translation>
    </message>
    <message>
        <source>a matching item needs at least 2 premises</source>
        <translation>匹配题至少需要 2 个左列项</translation>
    </message>
    <message>
        <source>the tolerance cannot be negative</source>
        <translation>允许误差不能是负数</translation>
    </message>
    <message>
        <source>the tolerance {tolerance} is as large as the answer {answer}</source>
        <translation>允许误差 {tolerance} 不小于答案 {answer} 本身</translation>
    </message>
    <message>
        <source>an accepted answer is empty</source>
        <translation>有一个可接受的答案是空的</translation>
    </message>
    <message>
        <source>a {type} item takes no options</source>
        <translation>{type} 题不设选项</translation>
    </message>
    <message>
        <source>the blueprint draws from {competence}, which is not a competence of this grade</source>
        <translation>组卷方案从 {competence} 抽题，但它不是本等级的能力项</translation>
    </message>
    <message>
        <source>the blueprint draws nothing from competence {competence}; every competence must be assessed</source>
        <translation>组卷方案没有从能力项 {competence} 抽题；每个能力项都必须考到</translation>
    </message>
    <message>
        <source>the blueprint asks for {asked} {difficulty} items of {competence}, but the pool has {have}</source>
        <translation>组卷方案要求从 {competence} 抽取 {asked} 道 {difficulty} 难度的题，但题库中只有 {have} 道</translation>
    </message>
    <message>
        <source>the blueprint asks for {asked} items of {competence}, but the pool has {have}</source>
        <translation>组卷方案要求从 {competence} 抽取 {asked} 道题，但题库中只有 {have} 道</translation>
    </message>
    <message>
        <source>the blueprint draws {total} of {pool} items; a form may use at most half the pool</source>
        <translation>组卷方案从 {pool} 道题中抽取 {total} 道；一份试卷最多只能用题库的一半</translation>
    </message>
    <message>
        <source>there is a minimum for {area}, but no competence of that area</source>
        <translation>为 {area} 设置了最低分，但没有属于该领域的能力项</translation>
    </message>
    <message>
        <source>The key '{name}' is a {kind} key; only an awarding-body key may sign a bank package.</source>
        <translation>密钥“{name}”是 {kind} 密钥；只有颁证机构的密钥才能签署题库包。</translation>
    </message>
    <message>
        <source>The release code is too easy to guess: it has about {bits} bits of strength and at least {minimum} are needed; use a longer code, such as 16 characters in groups of four.</source>
        <translation>发布码太容易被猜中：其强度约为 {bits} 位，至少需要 {minimum} 位；请使用更长的发布码，例如四个一组、共 16 个字符。</translation>
    </message>
    <message>
        <source>The release code is too easy to guess: it uses only {distinct} different characters and at least {minimum} are needed.</source>
        <translation>发布码太容易被猜中：只用了 {distinct} 个不同的字符，至少需要 {minimum} 个。</translation>
    </message>
    <message>
        <source>The release code is too easy to guess: it runs along the alphabet or the keyboard, or repeats itself; use a code drawn at random.</source>
        <translation>发布码太容易被猜中：它沿字母表或键盘顺序排列，或自我重复；请使用随机生成的发布码。</translation>
    </message>
    <message>
        <source>leads outside the bank folder (to {target}); copy the file into the folder instead of linking to it</source>
        <translation>指向题库文件夹之外（{target}）；请把文件复制到文件夹中，而不是链接到它</translation>
    </message>
    <message>
        <source>'{key}' is not a key here; did you mean '{suggestion}'?</source>
        <translation>此处没有“{key}”这个键；您是不是想写“{suggestion}”？</translation>
    </message>
    <message>
        <source>'{key}' is not a key here; the keys here are {known}</source>
        <translation>此处没有“{key}”这个键；此处可用的键有 {known}</translation>
    </message>
    <message>
        <source>'{key}' is not used by a {type} item; remove it or correct the type</source>
        <translation>{type} 类型的试题不使用“{key}”；请删除它或更正题型</translation>
    </message>
    <message>
        <source>'enemies' must be a list of sets of item ids, like [[MNT2-022, MNT2-023]]</source>
        <translation>“enemies”必须是由试题编号组构成的列表，例如 [[MNT2-022, MNT2-023]]</translation>
    </message>
    <message>
        <source>the enemies set {entry} must list two or more different item ids</source>
        <translation>互斥组 {entry} 必须列出两个或以上不同的试题编号</translation>
    </message>
    <message>
        <source>the image {image} leads outside the bank folder (to {target}); copy the picture into the folder instead of linking to it</source>
        <translation>图片 {image} 指向题库文件夹之外（{target}）；请把图片复制到文件夹中，而不是链接到它</translation>
    </message>
    <message>
        <source>the image {image} cannot be read ({reason})</source>
        <translation>无法读取图片 {image}（{reason}）</translation>
    </message>
    <message>
        <source>the image {image} is not a {kind} picture; export it again as {kind}</source>
        <translation>图片 {image} 不是 {kind} 图片；请重新导出为 {kind}</translation>
    </message>
    <message>
        <source>the image {image} holds {found} data, not {kind}; name it after what it holds</source>
        <translation>图片 {image} 中是 {found} 数据，而不是 {kind}；请按其实际格式命名</translation>
    </message>
    <message>
        <source>the image {image} is a damaged {kind} picture (at its {part}); export it again</source>
        <translation>图片 {image} 是已损坏的 {kind} 图片（在 {part} 处）；请重新导出</translation>
    </message>
    <message>
        <source>the image {image} is {width} × {height} pixels; make it at most {limit} pixels a side</source>
        <translation>图片 {image} 为 {width} × {height} 像素；每边最多 {limit} 像素</translation>
    </message>
    <message>
        <source>the image {image} is not well-formed SVG (line {line}: {reason})</source>
        <translation>图片 {image} 不是格式正确的 SVG（第 {line} 行：{reason}）</translation>
    </message>
    <message>
        <source>the image {image} declares a DOCTYPE or an entity (line {line}); an exam image may not, so remove it</source>
        <translation>图片 {image} 声明了 DOCTYPE 或实体（第 {line} 行）；考试图片不允许这样做，请删除</translation>
    </message>
    <message>
        <source>the image {image} has &lt;{root}&gt; at its root, not &lt;svg&gt;</source>
        <translation>图片 {image} 的根元素是 &lt;{root}&gt;，而不是 &lt;svg&gt;</translation>
    </message>
    <message>
        <source>the image {image} holds a &lt;{element}&gt; element (line {line}); an exam image may not carry scripts or other documents</source>
        <translation>图片 {image} 含有 &lt;{element}&gt; 元素（第 {line} 行）；考试图片不得携带脚本或其他文档</translation>
    </message>
    <message>
        <source>the image {image} has an event attribute '{attribute}' (line {line}); an exam image may not carry scripts</source>
        <translation>图片 {image} 含有事件属性“{attribute}”（第 {line} 行）；考试图片不得携带脚本</translation>
    </message>
    <message>
        <source>the image {image} refers to '{reference}' (line {line}); an exam image may only refer to its own parts (#id)</source>
        <translation>图片 {image} 引用了“{reference}”（第 {line} 行）；考试图片只能引用自身的部分（#id）</translation>
    </message>
    <message>
        <source>the enemies set names {enemy}, which is not an item of this bank</source>
        <translation>互斥组中的 {enemy} 不是本题库的试题</translation>
    </message>
    <message>
        <source>draw {draw} asks for {asked} items of {competence}; {have} items fit it, but draws filled before it may take {used} of them</source>
        <translation>第 {draw} 条抽题规则要求从 {competence} 抽取 {asked} 道题；符合条件的有 {have} 道，但在它之前执行的抽题规则可能会用掉其中 {used} 道</translation>
    </message>
    <message>
        <source>draw {draw} asks for {asked} items of {competence}; {have} items fit it, but draws filled before it may take {used} and enemies sets may bar {barred}; add items or make the sets smaller</source>
        <translation>第 {draw} 条抽题规则要求从 {competence} 抽取 {asked} 道题；符合条件的有 {have} 道，但在它之前执行的抽题规则可能会用掉 {used} 道，互斥组可能会排除 {barred} 道；请增加试题或缩小互斥组</translation>
    </message>
    <message>
        <source>the key is {key_length} characters long, at least 1.5 times the longest distractor ({distractor_length}); a test-wise candidate picks the longest option</source>
        <translation>正确答案长 {key_length} 个字符，至少是最长干扰项（{distractor_length}）的 1.5 倍；应试技巧娴熟的考生会选最长的选项</translation>
    </message>
    <message>
        <source>the key is the longest option in {count} of {total} single-answer items ({share} %); keep it to a third or fewer</source>
        <translation>在 {total} 道单选题中，有 {count} 道的正确答案是最长的选项（{share} %）；应控制在三分之一以内</translation>
    </message>
    <message>
        <source>the keys of the {total} single-answer items sit unevenly in the source ({positions}); printed copies keep this order, so spread the keys over the positions</source>
        <translation>{total} 道单选题的正确答案在源文件中的位置分布不均（{positions}）；打印的试卷会保留此顺序，请把正确答案分散到各个位置</translation>
    </message>
    <message>
        <source>{count} of {total} true/false items are true ({share} %); keep between 40 and 60 % true</source>
        <translation>{total} 道判断题中有 {count} 道答案为“正确”（{share} %）；应保持在 40 % 到 60 % 之间</translation>
    </message>
    <message>
        <source>the stem is nearly the same as that of {other} ({similarity} % alike); remove one, or declare them enemies</source>
        <translation>题干与 {other} 的几乎相同（相似度 {similarity} %）；请删除其中一道，或将它们声明为互斥</translation>
    </message>
    <message>
        <source>the stem is nearly the same as that of {other} in {bank} ({similarity} % alike), labelled {other_difficulty} there and {difficulty} here; give a shared item one difficulty</source>
        <translation>题干与 {bank} 中 {other} 的几乎相同（相似度 {similarity} %），该题在那里标为 {other_difficulty}，在这里标为 {difficulty}；共用的试题应只有一个难度</translation>
    </message>
    <message>
        <source>the key repeats the stem's word '{word}' and no distractor does; a candidate can match words instead of knowing the answer</source>
        <translation>正确答案重复了题干中的词“{word}”，而干扰项都没有；考生可以靠匹配词语而不是靠知识作答</translation>
    </message>
    <message>
        <source>option {option} is 'all of the above' or 'none of the above'; write a real option instead</source>
        <translation>选项 {option} 是“以上都是”或“以上都不是”；请改写为真正的选项</translation>
    </message>
    <message>
        <source>draw {draw} takes {competence} items of any difficulty ({difficulties}), so forms differ in difficulty; draw each difficulty separately</source>
        <translation>第 {draw} 条抽题规则从 {competence} 中抽取任意难度（{difficulties}）的试题，因此各份试卷难度不同；请按难度分别抽题</translation>
    </message>
    <message>
        <source>the pool holds {pool} items for forms of {total}; keep it at least three times a form, so candidates share little of their paper</source>
        <translation>题库有 {pool} 道题，而每份试卷 {total} 道；题库应至少是试卷的三倍，考生之间的试卷才会很少重复</translation>
    </message>
    <message>
        <source>the pass mark has no written rationale; say in 'pass_mark_rationale' why this mark separates competent candidates</source>
        <translation>及格线没有书面依据；请在“pass_mark_rationale”中说明为什么这个分数能区分合格的考生</translation>
    </message>
    <message>
        <source>{count} item(s) without a cognitive 'level'; tag each item remember, understand, apply, analyse, evaluate or create</source>
        <translation>有 {count} 道试题没有认知层次“level”；请为每道试题标注 remember、understand、apply、analyse、evaluate 或 create</translation>
    </message>
    <message>
        <source>{count} item(s) without Chinese text for the stem or every choice, so the Chinese screen mixes languages</source>
        <translation>有 {count} 道试题的题干或某个选项没有中文，中文界面会出现中英文混杂</translation>
    </message>
    <message>
        <source>only {count} of {total} items work from a scenario (a shared stimulus or an image); give at least a fifth of the items a fault log, a nameplate, a reading or a diagram</source>
        <translation>{total} 道试题中只有 {count} 道基于情境（共享材料或图片）；请让至少五分之一的试题基于故障记录、铭牌、读数或图示</translation>
    </message>
    <message>
        <source>the image {image} holds an embedded picture that is not a usable PNG or JPEG (line {line}); embed it again or remove it</source>
        <translation>图片 {image} 中嵌入的图像不是可用的 PNG 或 JPEG（第 {line} 行）；请重新嵌入，或将其删除</translation>
    </message>
</context>
</TS>
