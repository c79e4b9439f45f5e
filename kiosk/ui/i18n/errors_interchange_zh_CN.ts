<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>'{format}' is not a format the bank import reads; use one of: {known}.</source>
        <translation>“{format}”不是题库导入能读取的格式；请使用以下之一：{known}。</translation>
    </message>
    <message>
        <source>The file {file} does not exist.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read ({reason}).</source>
        <translation>无法读取文件 {file}（{reason}）。</translation>
    </message>
    <message>
        <source>The folder {folder} already holds files; the import writes only into a new, empty folder, so that nothing is overwritten.</source>
        <translation>文件夹 {folder} 中已有文件；导入只写入新的空文件夹，以免覆盖任何内容。</translation>
    </message>
    <message>
        <source>{file}, line {line}: this is not well-formed XML ({reason}); the file may be damaged or not an export in that format.</source>
        <translation>{file}，第 {line} 行：这不是格式正确的 XML（{reason}）；文件可能已损坏，或不是该格式的导出文件。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the file declares a DOCTYPE or entities, which are refused because they can hide harmful content; export it again without them.</source>
        <translation>{file}，第 {line} 行：文件声明了 DOCTYPE 或实体，因其可能隐藏有害内容而被拒绝；请不带这些声明重新导出。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the XML is too large to be read safely; export the questions in smaller files.</source>
        <translation>{file}，第 {line} 行：XML 过大，无法安全读取；请把试题分成较小的文件导出。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the XML nests deeper than any question needs, so it is not read; export it again.</source>
        <translation>{file}，第 {line} 行：XML 的嵌套层次远超任何试题所需，因此不予读取；请重新导出。</translation>
    </message>
    <message>
        <source>{file} is not a readable zip package ({reason}).</source>
        <translation>{file} 不是可读取的 zip 试题包（{reason}）。</translation>
    </message>
    <message>
        <source>{file} holds more files or more data than a question package may; split the package.</source>
        <translation>{file} 包含的文件或数据超出试题包的上限；请拆分试题包。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the text is not UTF-8; save the file as UTF-8 and import it again.</source>
        <translation>{file}，第 {line} 行：文本不是 UTF-8 编码；请将文件另存为 UTF-8 后重新导入。</translation>
    </message>
    <message>
        <source>{file}, line {line}: this is not a Moodle XML question export (its root element is &lt;{found}&gt;, not &lt;quiz&gt;).</source>
        <translation>{file}，第 {line} 行：这不是 Moodle XML 试题导出文件（其根元素是 &lt;{found}&gt;，而不是 &lt;quiz&gt;）。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the braces of an answer block do not match; every '{{' needs its '}}' (write \{{ and \}} for the characters themselves).</source>
        <translation>{file}，第 {line} 行：答案块的花括号不配对；每个“{{”都需要对应的“}}”（字符本身请写作 \{{ 和 \}}）。</translation>
    </message>
    <message>
        <source>{file}, line {line}: a question title opened with '::' is not closed with '::'.</source>
        <translation>{file}，第 {line} 行：以“::”开始的试题标题没有用“::”结束。</translation>
    </message>
    <message>
        <source>{file}, line {line}: an ANSWER line comes before any option; give the options ('A. ...') first.</source>
        <translation>{file}，第 {line} 行：ANSWER 行出现在任何选项之前；请先给出选项（“A. ...”）。</translation>
    </message>
    <message>
        <source>{file}, line {line}: a question's options are not followed by its 'ANSWER: X' line.</source>
        <translation>{file}，第 {line} 行：试题的选项之后缺少“ANSWER: X”行。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the answer {answer} is not one of the options ({options}).</source>
        <translation>{file}，第 {line} 行：答案 {answer} 不是选项之一（{options}）。</translation>
    </message>
    <message>
        <source>{file}, line {line}: an option comes before the text of its question; write the question's text on the line above its options.</source>
        <translation>{file}，第 {line} 行：选项出现在其题目文字之前；请把题目文字写在选项上方的一行。</translation>
    </message>
    <message>
        <source>{file}, line {line}: this is neither a QTI assessment item nor a content package manifest (its root element is &lt;{found}&gt;).</source>
        <translation>{file}，第 {line} 行：这既不是 QTI 试题，也不是内容包清单（其根元素是 &lt;{found}&gt;）。</translation>
    </message>
    <message>
        <source>{file} holds no QTI assessment items.</source>
        <translation>{file} 中没有 QTI 试题。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the item's namespace {namespace} is not that of QTI 2.1, 2.2 or 3.0.</source>
        <translation>{file}，第 {line} 行：试题的命名空间 {namespace} 不属于 QTI 2.1、2.2 或 3.0。</translation>
    </message>
    <message>
        <source>{file}, line {line}: this is a QTI {found} item, but QTI {expected} was asked for; import it as QTI {found}.</source>
        <translation>{file}，第 {line} 行：这是 QTI {found} 试题，但要求读取的是 QTI {expected}；请按 QTI {found} 导入。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the manifest lists {href}, which is not in the package.</source>
        <translation>{file}，第 {line} 行：清单列出了 {href}，但试题包中没有该文件。</translation>
    </message>
    <message>
        <source>{kind} questions have no kiosk item type</source>
        <translation>{kind} 类试题没有对应的考试机题型</translation>
    </message>
    <message>
        <source>the interaction {kind} has no kiosk item type</source>
        <translation>交互 {kind} 没有对应的考试机题型</translation>
    </message>
    <message>
        <source>it has nothing to answer (no interaction)</source>
        <translation>试题中没有可作答的内容（没有交互）</translation>
    </message>
    <message>
        <source>it asks {count} questions at once, and a kiosk item asks one</source>
        <translation>试题同时提出 {count} 个问题，而考试机的一道题只问一个</translation>
    </message>
    <message>
        <source>its interaction answers {response}, which the item does not declare</source>
        <translation>其交互作答的是 {response}，但试题没有声明它</translation>
    </message>
    <message>
        <source>it is a template item whose values change from one candidate to the next</source>
        <translation>这是模板试题，其数值因考生而异</translation>
    </message>
    <message>
        <source>it has {count} options or premises, and a kiosk item holds at most {limit}</source>
        <translation>试题有 {count} 个选项或前提，而考试机的一道题最多容纳 {limit} 个</translation>
    </message>
    <message>
        <source>it has {count} option(s), and a kiosk item needs at least 2</source>
        <translation>试题只有 {count} 个选项，而考试机的一道题至少需要 2 个</translation>
    </message>
    <message>
        <source>it has no right answer</source>
        <translation>试题没有正确答案</translation>
    </message>
    <message>
        <source>{count} answers are fully right, and a single-answer kiosk item has one</source>
        <translation>有 {count} 个答案完全正确，而考试机的单选题只有一个答案</translation>
    </message>
    <message>
        <source>the accepted answer {answer} uses the * wildcard, which the kiosk does not match</source>
        <translation>可接受答案 {answer} 使用了通配符 *，考试机不按通配符比对</translation>
    </message>
    <message>
        <source>its right order does not list every option exactly once</source>
        <translation>其正确顺序没有把每个选项恰好列出一次</translation>
    </message>
    <message>
        <source>premise {premise} has two right matches, and a kiosk matching item has one</source>
        <translation>前提 {premise} 有两个正确匹配，而考试机的匹配题每个前提只有一个</translation>
    </message>
    <message>
        <source>premise {premise} has no right match</source>
        <translation>前提 {premise} 没有正确匹配</translation>
    </message>
    <message>
        <source>its scoring gives no points even for the right answer</source>
        <translation>其评分规则即使对正确答案也不给分</translation>
    </message>
    <message>
        <source>its scoring uses {what}, which the import cannot evaluate; check the key and the scoring rule</source>
        <translation>其评分使用了导入功能无法计算的 {what}；请核对答案和评分规则</translation>
    </message>
    <message>
        <source>the source gives no scoring rules, so the kiosk scores it from its correct response</source>
        <translation>来源没有给出评分规则，因此考试机按其正确答案评分</translation>
    </message>
    <message>
        <source>for the response {response} the source gives {source}% of the points and the kiosk {kiosk}%</source>
        <translation>对作答 {response}，来源给 {source}% 的分数，考试机给 {kiosk}%</translation>
    </message>
    <message>
        <source>the options' weighted credit ({weights}) became the kiosk's partial credit: (right ticks − wrong ticks) ÷ keyed ticks</source>
        <translation>选项的加权得分（{weights}）改为考试机的部分得分：（选对数 − 选错数）÷ 正确选项数</translation>
    </message>
    <message>
        <source>the relative tolerance of {percent}% became an absolute tolerance of {tolerance}</source>
        <translation>{percent}% 的相对误差改为 {tolerance} 的绝对误差</translation>
    </message>
    <message>
        <source>rounding to {figures} ({mode}) became a tolerance of ±{tolerance}</source>
        <translation>按 {figures}（{mode}）取整改为 ±{tolerance} 的误差</translation>
    </message>
    <message>
        <source>the tolerance was −{low} / +{high}, and the kiosk's is the narrower one on both sides</source>
        <translation>原误差为 −{low} / +{high}，考试机两侧都取较小的一个</translation>
    </message>
    <message>
        <source>the accepted answers were case-sensitive; the kiosk ignores case, accents, extra spaces and trailing punctuation</source>
        <translation>原可接受答案区分大小写；考试机忽略大小写、重音、多余空格和末尾标点</translation>
    </message>
    <message>
        <source>answers with partial credit ({answers}) were left out; only fully right answers are accepted</source>
        <translation>得部分分的答案（{answers}）已略去；只接受完全正确的答案</translation>
    </message>
    <message>
        <source>options with partial credit ({options}) now earn nothing; only the key earns points</source>
        <translation>得部分分的选项（{options}）现在不得分；只有正确答案得分</translation>
    </message>
    <message>
        <source>the other right answers ({answers}) were left out; a numeric item has one value and a tolerance</source>
        <translation>其他正确答案（{answers}）已略去；数值题只有一个数值和一个误差</translation>
    </message>
    <message>
        <source>the other units ({units}) were left out; the kiosk shows one unit and reads the number only</source>
        <translation>其他单位（{units}）已略去；考试机只显示一个单位，只读取数值</translation>
    </message>
    <message>
        <source>the {grading} grading became the kiosk's share of positions right</source>
        <translation>{grading} 评分方式改为考试机按位置正确的比例评分</translation>
    </message>
    <message>
        <source>feedback to candidates was left out; the kiosk shows none during an exam</source>
        <translation>给考生的反馈已略去；考试期间考试机不显示反馈</translation>
    </message>
    <message>
        <source>formatting ({marks}) was reduced to plain text</source>
        <translation>格式（{marks}）已简化为纯文本</translation>
    </message>
    <message>
        <source>the image in {option} was replaced by its description, as kiosk options are text</source>
        <translation>{option} 中的图片已换成其文字说明，因为考试机的选项是文本</translation>
    </message>
    <message>
        <source>only the first image was kept; {count} more were left out</source>
        <translation>只保留了第一张图片；另外 {count} 张已略去</translation>
    </message>
    <message>
        <source>the image {image} is not in the source and was left out</source>
        <translation>来源中没有图片 {image}，已略去</translation>
    </message>
    <message>
        <source>the image {image} is larger than {limit} MB and was left out</source>
        <translation>图片 {image} 超过 {limit} MB，已略去</translation>
    </message>
    <message>
        <source>the image {image} is not a PNG, JPEG or SVG file and was left out</source>
        <translation>图片 {image} 不是 PNG、JPEG 或 SVG 文件，已略去</translation>
    </message>
    <message>
        <source>the SVG image {image} holds {reason}, which an exam image may not, and was left out</source>
        <translation>SVG 图片 {image} 含有考试图片不允许的 {reason}，已略去</translation>
    </message>
    <message>
        <source>the SVG image {image} is not well-formed XML (line {line}) and was left out</source>
        <translation>SVG 图片 {image} 不是格式正确的 XML（第 {line} 行），已略去</translation>
    </message>
    <message>
        <source>the shared stimulus {stimulus} is not in the package and was left out</source>
        <translation>试题包中没有共享材料 {stimulus}，已略去</translation>
    </message>
    <message>
        <source>a second shared stimulus ({stimulus}) was left out; a kiosk item has one</source>
        <translation>第二份共享材料（{stimulus}）已略去；考试机的一道题只有一份</translation>
    </message>
    <message>
        <source>its {points} points were rounded to {rounded}</source>
        <translation>其 {points} 分已取整为 {rounded} 分</translation>
    </message>
    <message>
        <source>the difficulty '{source}' became {kiosk}</source>
        <translation>难度“{source}”改为 {kiosk}</translation>
    </message>
    <message>
        <source>{where} "{source}": converted exactly as {item}.</source>
        <translation>{where} “{source}”：已原样转换为 {item}。</translation>
    </message>
    <message>
        <source>{where} "{source}": converted as {item} with changes: {changes}.</source>
        <translation>{where} “{source}”：已转换为 {item}，有以下改动：{changes}。</translation>
    </message>
    <message>
        <source>{where} "{source}": not convertible: {reasons}.</source>
        <translation>{where} “{source}”：无法转换：{reasons}。</translation>
    </message>
    <message>
        <source>{count} question(s) read: {exact} converted exactly, {changed} converted with changes, {refused} not convertible; the bank source is in {folder}.</source>
        <translation>共读取 {count} 道试题：{exact} 道原样转换，{changed} 道有改动，{refused} 道无法转换；题库源文件在 {folder}。</translation>
    </message>
    <message>
        <source>Imported from {origin}; read import-report.txt and fill in what the source did not say.</source>
        <translation>导入自 {origin}；请阅读 import-report.txt，并补全来源中没有的内容。</translation>
    </message>
    <message>
        <source>The duration, the pass mark and the draws are for the author to set.</source>
        <translation>考试时长、及格线和抽题规则由命题人设定。</translation>
    </message>
</context>
</TS>
