<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The release code is empty; type the code announced for this exam.</source>
        <translation>开考码为空；请输入本场考试公布的开考码。</translation>
    </message>
    <message>
        <source>The release code is not correct for this bank package.</source>
        <translation>开考码对这个题库包不正确。</translation>
    </message>
    <message>
        <source>The release code is not correct for this bank package. Release codes never contain 0, O, 1, I or L; check those characters.</source>
        <translation>开考码对这个题库包不正确。开考码中从不含 0、O、1、I 或 L；请检查这些字符。</translation>
    </message>
    <message>
        <source>This file is not a bank package (its opening marker is wrong).</source>
        <translation>这个文件不是题库包（其开头标记不对）。</translation>
    </message>
    <message>
        <source>The bank package has format {found}, which this kiosk cannot read (it reads format {known}); update the kiosk software or rebuild the package.</source>
        <translation>题库包的格式是 {found}，本考试机无法读取（它读取格式 {known}）；请更新考试机软件或重新生成题库包。</translation>
    </message>
    <message>
        <source>The bank package is truncated: it ends inside its {part}. Copy the file again from its source.</source>
        <translation>题库包不完整：在其 {part} 处中断。请从来源重新复制该文件。</translation>
    </message>
    <message>
        <source>The bank package is damaged: its signature has the wrong length.</source>
        <translation>题库包已损坏：其签名长度不对。</translation>
    </message>
    <message>
        <source>The bank package header is not readable; it was altered or damaged.</source>
        <translation>题库包的包头无法读取；它已被改动或损坏。</translation>
    </message>
    <message>
        <source>The bank package header names the field '{key}' twice; it was altered or damaged.</source>
        <translation>题库包的包头中字段“{key}”出现了两次；它已被改动或损坏。</translation>
    </message>
    <message>
        <source>The bank package header does not say format '{expected}'; it is damaged.</source>
        <translation>题库包的包头没有注明格式“{expected}”；它已损坏。</translation>
    </message>
    <message>
        <source>The bank package header field '{field}' is missing or damaged.</source>
        <translation>题库包的包头字段“{field}”缺失或已损坏。</translation>
    </message>
    <message>
        <source>The bank package header field '{field}' is not valid base64; it was altered or damaged.</source>
        <translation>题库包的包头字段“{field}”不是有效的 base64；它已被改动或损坏。</translation>
    </message>
    <message>
        <source>The bank package is signed by an unknown key {key_id}; install the awarding body's public key first if you trust it.</source>
        <translation>题库包由未知密钥 {key_id} 签名；如果信任该评价组织，请先安装其公钥。</translation>
    </message>
    <message>
        <source>The bank package's signature does not match its header (signer {signer}); the file was altered or damaged after it was built.</source>
        <translation>题库包的签名与其包头不符（签名者 {signer}）；文件在生成后被改动或损坏。</translation>
    </message>
    <message>
        <source>The bank package is truncated or damaged: its content is {length} bytes but its signed header says {expected}. Copy the file again from its source.</source>
        <translation>题库包不完整或已损坏：其内容为 {length} 字节，但已签名的包头写的是 {expected}。请从来源重新复制该文件。</translation>
    </message>
    <message>
        <source>The bank package's content does not match its signed header; the file was altered or damaged.</source>
        <translation>题库包的内容与其已签名的包头不符；文件已被改动或损坏。</translation>
    </message>
    <message>
        <source>The bank package's release-code settings ('{setting}') are not usable.</source>
        <translation>题库包的开考码设置（“{setting}”）不可用。</translation>
    </message>
    <message>
        <source>The bank package uses a cipher this kiosk does not know.</source>
        <translation>题库包使用了本考试机不认识的加密算法。</translation>
    </message>
    <message>
        <source>The bank package's content cannot be decrypted; it is damaged.</source>
        <translation>题库包的内容无法解密；它已损坏。</translation>
    </message>
    <message>
        <source>The bank package {path} does not exist.</source>
        <translation>题库包 {path} 不存在。</translation>
    </message>
    <message>
        <source>The bank package {path} cannot be read ({reason}).</source>
        <translation>无法读取题库包 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The bank package header field '{field}' holds a value no kiosk accepts ({value}); refuse the package and ask the awarding body for a new one.</source>
        <translation>题库包的包头字段“{field}”的值不被任何考试机接受（{value}）；请拒收该题库包，并向评价组织索取新的题库包。</translation>
    </message>
    <message>
        <source>The bank package names bank '{bank}' version {version}, which cannot name a file on this kiosk; refuse the package and ask the awarding body for a new one.</source>
        <translation>题库包写的题库“{bank}”第 {version} 版不能用作本考试机上的文件名；请拒收该题库包，并向评价组织索取新的题库包。</translation>
    </message>
    <message>
        <source>The package header names {bank} version {version}, but its content is {content_bank} version {content_version}; refuse the package and ask the awarding body for a new one.</source>
        <translation>包头写的是 {bank} 第 {version} 版，但其内容是 {content_bank} 第 {content_version} 版；请拒收该题库包，并向评价组织索取新的题库包。</translation>
    </message>
    <message>
        <source>The bank payload has format {found}; this kiosk reads format {known}. Update the kiosk software.</source>
        <translation>题库内容的格式是 {found}；本考试机读取格式 {known}。请更新考试机软件。</translation>
    </message>
    <message>
        <source>The bank payload is not a readable bank ({reason}).</source>
        <translation>题库内容不是可读取的题库（{reason}）。</translation>
    </message>
    <message>
        <source>This file is not a result bundle (its opening marker is wrong).</source>
        <translation>这个文件不是成绩包（其开头标记不对）。</translation>
    </message>
    <message>
        <source>The result bundle has format {found}, which this registry cannot read (it reads format {known}); update the registry software.</source>
        <translation>成绩包的格式是 {found}，本登记中心无法读取（它读取格式 {known}）；请更新登记中心软件。</translation>
    </message>
    <message>
        <source>The result bundle is truncated: it ends inside its {part}. Copy the file again from its source.</source>
        <translation>成绩包不完整：在其 {part} 处中断。请从来源重新复制该文件。</translation>
    </message>
    <message>
        <source>The result bundle header is not readable; it was altered or damaged.</source>
        <translation>成绩包的包头无法读取；它已被改动或损坏。</translation>
    </message>
    <message>
        <source>The result bundle header names the field '{key}' twice; it was altered or damaged.</source>
        <translation>成绩包的包头中字段“{key}”出现了两次；它已被改动或损坏。</translation>
    </message>
    <message>
        <source>The result bundle header does not say format '{expected}'; it is damaged or too new.</source>
        <translation>成绩包的包头没有注明格式“{expected}”；它已损坏或版本过新。</translation>
    </message>
    <message>
        <source>The result bundle header field '{field}' is missing or damaged.</source>
        <translation>成绩包的包头字段“{field}”缺失或已损坏。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is truncated: it ends inside its sealed contents. Copy the file again from the kiosk.</source>
        <translation>成绩包 {bundle_id} 不完整：在其加密内容处中断。请从考试机重新复制该文件。</translation>
    </message>
    <message>
        <source>This bundle is addressed to registry key {addressed}, not this registry's key {ours}.</source>
        <translation>这个成绩包是发给登记中心密钥 {addressed} 的，不是本登记中心的密钥 {ours}。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} cannot be decrypted: it was altered or damaged after it was sealed. Copy the file again from the kiosk.</source>
        <translation>成绩包 {bundle_id} 无法解密：它在加密后被改动或损坏。请从考试机重新复制该文件。</translation>
    </message>
    <message>
        <source>The sealed contents of result bundle {bundle_id} are truncated: they end inside their {part}. Copy the file again from the kiosk.</source>
        <translation>成绩包 {bundle_id} 的加密内容不完整：在其 {part} 处中断。请从考试机重新复制该文件。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: its signature is damaged.</source>
        <translation>成绩包 {bundle_id} 格式有误：其签名已损坏。</translation>
    </message>
    <message>
        <source>The signed part of result bundle {bundle_id} is not readable; it was altered or damaged.</source>
        <translation>成绩包 {bundle_id} 的已签名部分无法读取；它已被改动或损坏。</translation>
    </message>
    <message>
        <source>The signed part of result bundle {bundle_id} names the field '{key}' twice; it was altered or damaged.</source>
        <translation>成绩包 {bundle_id} 的已签名部分中字段“{key}”出现了两次；它已被改动或损坏。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id}'s signature does not match kiosk '{kiosk}'; the results were altered or not made by that kiosk.</source>
        <translation>成绩包 {bundle_id} 的签名与考试机“{kiosk}”不符；成绩被改动过，或不是由该考试机生成的。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id}'s signed contents do not name their kiosk.</source>
        <translation>成绩包 {bundle_id} 的已签名内容没有写明其考试机。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} comes from kiosk '{kiosk_id}', which is not enrolled at this registry; enrol that kiosk's public key first.</source>
        <translation>成绩包 {bundle_id} 来自考试机“{kiosk_id}”，它未在本登记中心注册；请先注册该考试机的公钥。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} was signed with key {signed_key}, but kiosk '{kiosk_id}' is enrolled with key {enrolled_key}; re-enrol the kiosk if its key was replaced.</source>
        <translation>成绩包 {bundle_id} 用密钥 {signed_key} 签名，但考试机“{kiosk_id}”注册的密钥是 {enrolled_key}；如果该考试机换了密钥，请重新注册它。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} was signed for registry key {signed_for}, not this registry's key {ours}; it was re-addressed.</source>
        <translation>成绩包 {bundle_id} 签名时是发给登记中心密钥 {signed_for} 的，不是本登记中心的密钥 {ours}；它被改了收件方。</translation>
    </message>
    <message>
        <source>The result bundle's outer header says {field} {outer} but its signed contents say {signed}; the bundle was altered.</source>
        <translation>成绩包的外层包头写的 {field} 是 {outer}，但其已签名内容写的是 {signed}；该成绩包已被改动。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id}'s signed contents are malformed (bundle_id, kiosk_id, sequence or previous_hash).</source>
        <translation>成绩包 {bundle_id} 的已签名内容格式有误（bundle_id、kiosk_id、sequence 或 previous_hash）。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be {expected}; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是 {expected}；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a map; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是映射；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a list; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是列表；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be non-empty text; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是非空文本；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be non-empty text of at most {limit} characters; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是不超过 {limit} 个字符的非空文本；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be text or null; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是文本或 null；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a whole number; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是整数；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a number; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是数字；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be true or false; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是 true 或 false；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be an ISO time with its time zone, or null; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是带时区的 ISO 时间或 null；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be 'submitted' or 'expired'; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是“submitted”或“expired”；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a map of competence to earned and possible; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是从能力项到得分和满分的映射；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a map of item_id, response, flagged, score and max; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是含 item_id、response、flagged、score 和 max 的映射；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a map of area to percent; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是从领域到百分比的映射；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a map of item to points; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是从试题到分值的映射；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a percentage from 0 to 100; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是 0 到 100 之间的百分比；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a number of points, 0 or more; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是 0 或以上的分值；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be one of {areas}; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是以下之一：{areas}；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a map of id, area, title and title_zh; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是含 id、area、title 和 title_zh 的映射；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: it holds attempt {attempt} twice.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 出现了两次。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: it holds incident {incident} twice.</source>
        <translation>成绩包 {bundle_id} 格式有误：事件 {incident} 出现了两次。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: attempt {attempt} answers item {item} twice.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 对试题 {item} 作答了两次。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be text of at most {limit} characters, or null; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是不超过 {limit} 个字符的文本或 null；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a SHA-256 digest of 64 hexadecimal digits; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是由 64 位十六进制数字组成的 SHA-256 摘要；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be empty or a SHA-256 digest of 64 hexadecimal digits; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须为空或是由 64 位十六进制数字组成的 SHA-256 摘要；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a number from {low} to {high}; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是 {low} 到 {high} 之间的数字；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a date such as 2025-03-14, or null; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是形如 2025-03-14 的日期或 null；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be free of NaN and infinite numbers; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”中不得含有 NaN 或无穷大的数字；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be text without NUL characters; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是不含 NUL 字符的文本；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a list of ids; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是编号列表；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be an answer: text, a list or a map of ids, or null; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是一个作答：文本、编号列表、编号映射或 null；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: field '{field}' must be a list of at most {limit} items; the kiosk that made it may run a different program version.</source>
        <translation>成绩包 {bundle_id} 格式有误：字段“{field}”必须是不超过 {limit} 道试题的列表；生成它的考试机可能运行的是不同版本的程序。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: attempt {attempt} was sat on bank {bank} version {version}, but its form is drawn from {form_bank} version {form_version}.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 使用的是题库 {bank} 第 {version} 版，但其试卷抽自 {form_bank} 第 {form_version} 版。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: the form of attempt {attempt} holds item {item} twice.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 的试卷两次包含试题 {item}。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: the form of attempt {attempt} holds item {item}, but its responses have no line for it.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 的试卷包含试题 {item}，但其作答中没有这道题的记录。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: attempt {attempt} answers item {item}, which is not on its form.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 作答了试题 {item}，但该题不在其试卷上。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: the result of attempt {attempt} scores item {item}, which is not on its form.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 的成绩为试题 {item} 计了分，但该题不在其试卷上。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: attempt {attempt} claims {percent} %, but {earned} of {possible} points is {expected} %.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 声称得分率为 {percent}%，但 {possible} 分中得 {earned} 分应为 {expected}%。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: attempt {attempt} claims {earned} points, but its item scores add up to {total}.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 声称得 {earned} 分，但其各题得分之和为 {total}。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: the competence marks of attempt {attempt} add up to {earned} of {possible} points, not the {total} of {total_possible} its result claims.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 各能力项得分之和为 {possible} 分中的 {earned} 分，而不是其成绩所称的 {total_possible} 分中的 {total} 分。</translation>
    </message>
    <message>
        <source>The result bundle {bundle_id} is malformed: the area marks of attempt {attempt} add up to {earned} of {possible} points, not the {total} of {total_possible} its result claims.</source>
        <translation>成绩包 {bundle_id} 格式有误：答卷 {attempt} 各能力领域得分之和为 {possible} 分中的 {earned} 分，而不是其成绩所称的 {total_possible} 分中的 {total} 分。</translation>
    </message>
    <message>
        <source>The kiosk id for the enrolment file is empty; give one.</source>
        <translation>注册文件的考试机编号为空；请填写。</translation>
    </message>
    <message>
        <source>The kiosk name for the enrolment file is empty; give one.</source>
        <translation>注册文件的考试机名称为空；请填写。</translation>
    </message>
    <message>
        <source>The centre for the enrolment file is empty; give one.</source>
        <translation>注册文件的考点为空；请填写。</translation>
    </message>
    <message>
        <source>The enrolment file {path} does not exist.</source>
        <translation>注册文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The enrolment file {path} could not be read ({reason}).</source>
        <translation>无法读取注册文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The enrolment file {path} is not a kiosk enrolment file or is damaged; write it again on the kiosk.</source>
        <translation>注册文件 {path} 不是考试机注册文件或已损坏；请在考试机上重新写出。</translation>
    </message>
    <message>
        <source>The enrolment file {path} holds a {kind} key, not a kiosk key.</source>
        <translation>注册文件 {path} 中是 {kind} 密钥，不是考试机密钥。</translation>
    </message>
    <message>
        <source>The enrolment file {path} was altered after the kiosk signed it; write it again on the kiosk.</source>
        <translation>注册文件 {path} 在考试机签名后被改动过；请在考试机上重新写出。</translation>
    </message>
    <message>
        <source>The key name '{name}' cannot be used: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>密钥名称“{name}”不可用：请使用 1 到 64 个字母、数字、点、短横线或下划线，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>The public key '{name}' is damaged: its keys must be 32 bytes each.</source>
        <translation>公钥“{name}”已损坏：其密钥必须各为 32 字节。</translation>
    </message>
    <message>
        <source>This is not a public key file: it must start with '{begin}' and end with '{end}'.</source>
        <translation>这不是公钥文件：它必须以“{begin}”开头、以“{end}”结尾。</translation>
    </message>
    <message>
        <source>The public key file has a malformed line '{line}'; copy it again.</source>
        <translation>公钥文件中有一行格式有误：“{line}”；请重新复制。</translation>
    </message>
    <message>
        <source>The public key file is incomplete (missing: {missing}); copy it again.</source>
        <translation>公钥文件不完整（缺少：{missing}）；请重新复制。</translation>
    </message>
    <message>
        <source>The public key file names an unknown kind '{kind}'; expected awarding, registry or kiosk.</source>
        <translation>公钥文件写的类型“{kind}”未知；应为 awarding、registry 或 kiosk。</translation>
    </message>
    <message>
        <source>The public key file's {field} key is not valid base64; it was altered or damaged.</source>
        <translation>公钥文件中的 {field} 密钥不是有效的 base64；它已被改动或损坏。</translation>
    </message>
    <message>
        <source>The public key file for '{name}' is damaged: its keys do not match its key id {key_id}; copy it again.</source>
        <translation>“{name}”的公钥文件已损坏：其密钥与密钥编号 {key_id} 不符；请重新复制。</translation>
    </message>
    <message>
        <source>The public key file {path} names a key '{name}' that cannot be used: a key name has 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>公钥文件 {path} 中的密钥名称“{name}”不可用：密钥名称由 1 到 64 个字母、数字、点、短横线或下划线组成，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>The public key file {path} is damaged: the keys of '{name}' must be 32 bytes each.</source>
        <translation>公钥文件 {path} 已损坏：“{name}”的密钥必须各为 32 字节。</translation>
    </message>
    <message>
        <source>The public key file {path} is not a public key file: it must start with '{begin}' and end with '{end}'.</source>
        <translation>公钥文件 {path} 不是公钥文件：它必须以“{begin}”开头、以“{end}”结尾。</translation>
    </message>
    <message>
        <source>The public key file {path} has a malformed line '{line}'; copy it again.</source>
        <translation>公钥文件 {path} 中有一行格式有误：“{line}”；请重新复制。</translation>
    </message>
    <message>
        <source>The public key file {path} is incomplete (missing: {missing}); copy it again.</source>
        <translation>公钥文件 {path} 不完整（缺少：{missing}）；请重新复制。</translation>
    </message>
    <message>
        <source>The public key file {path} names an unknown kind '{kind}'; expected awarding, registry or kiosk.</source>
        <translation>公钥文件 {path} 写的类型“{kind}”未知；应为 awarding、registry 或 kiosk。</translation>
    </message>
    <message>
        <source>The public key file {path} is damaged: its {field} key is not valid base64; copy it again.</source>
        <translation>公钥文件 {path} 已损坏：其 {field} 密钥不是有效的 base64；请重新复制。</translation>
    </message>
    <message>
        <source>The public key file {path} for '{name}' is damaged: its keys do not match its key id {key_id}; copy it again.</source>
        <translation>“{name}”的公钥文件 {path} 已损坏：其密钥与密钥编号 {key_id} 不符；请重新复制。</translation>
    </message>
    <message>
        <source>The public key file {path} does not exist.</source>
        <translation>公钥文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The public key file {path} could not be read ({reason}).</source>
        <translation>无法读取公钥文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The public key file {path} is not text; copy it again.</source>
        <translation>公钥文件 {path} 不是文本文件；请重新复制。</translation>
    </message>
    <message>
        <source>The passphrase is empty; give a passphrase or none at all.</source>
        <translation>口令为空；请给出口令，或者完全不用口令。</translation>
    </message>
    <message>
        <source>The key file {path} already exists; move it away first if you really mean to replace it.</source>
        <translation>密钥文件 {path} 已存在；如果确实要替换它，请先把它移走。</translation>
    </message>
    <message>
        <source>The key file {path} does not exist.</source>
        <translation>密钥文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The key file {path} could not be read ({reason}).</source>
        <translation>无法读取密钥文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The key file {path} can be accessed by other users (mode {mode}); make it readable by its owner only.</source>
        <translation>密钥文件 {path} 可被其他用户访问（权限 {mode}）；请设为仅所有者可读。</translation>
    </message>
    <message>
        <source>The key file {path} is not a 1+X kiosk key file or is damaged.</source>
        <translation>密钥文件 {path} 不是 1+X 考试机密钥文件，或已损坏。</translation>
    </message>
    <message>
        <source>The key file {path} names an unknown kind '{kind}'.</source>
        <translation>密钥文件 {path} 写的类型“{kind}”未知。</translation>
    </message>
    <message>
        <source>The key file {path} is protected by a passphrase; give the passphrase.</source>
        <translation>密钥文件 {path} 受口令保护；请给出口令。</translation>
    </message>
    <message>
        <source>The passphrase for the key file {path} is not correct.</source>
        <translation>密钥文件 {path} 的口令不正确。</translation>
    </message>
    <message>
        <source>The key file {path} is damaged: a key in it cannot be read.</source>
        <translation>密钥文件 {path} 已损坏：其中有密钥无法读取。</translation>
    </message>
    <message>
        <source>The key file {path} asks for passphrase settings ('{setting}') this program will not use; it was altered or damaged.</source>
        <translation>密钥文件 {path} 要求的口令设置（“{setting}”）本程序不予使用；该文件已被改动或损坏。</translation>
    </message>
    <message>
        <source>The key file {path} holds the wrong kinds of key (Ed25519 then X25519 expected).</source>
        <translation>密钥文件 {path} 中的密钥类型不对（应依次为 Ed25519 和 X25519）。</translation>
    </message>
    <message>
        <source>The signature does not match {kind} key '{name}' ({key_id}): the data was altered or signed with another key.</source>
        <translation>签名与 {kind} 密钥“{name}”（{key_id}）不符：数据已被改动，或由其他密钥签名。</translation>
    </message>
    <message>
        <source>This verification code is not readable; scan it again or type it exactly as printed.</source>
        <translation>这个验证码无法读取；请重新扫描，或严格按打印内容输入。</translation>
    </message>
    <message>
        <source>This verification code was signed by an unknown key {key_id}; it was not issued here.</source>
        <translation>这个验证码由未知密钥 {key_id} 签名；它不是这里签发的。</translation>
    </message>
    <message>
        <source>This verification code does not match its signature: the record was altered.</source>
        <translation>这个验证码与其签名不符：记录已被改动。</translation>
    </message>
    <message>
        <source>This verification code is for a {found}, not a {expected}.</source>
        <translation>这个验证码用于 {found}，不是 {expected}。</translation>
    </message>
    <message>
        <source>The receipt file {path} does not exist.</source>
        <translation>回执文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The receipt file {path} could not be read ({reason}).</source>
        <translation>无法读取回执文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The receipt file {path} holds no receipt; copy it again from the registry.</source>
        <translation>回执文件 {path} 中没有回执；请从登记中心重新复制。</translation>
    </message>
    <message>
        <source>The receipt file {path} does not check out: a part of it is not readable; copy the whole file again from the registry.</source>
        <translation>回执文件 {path} 校验未通过：其中有一部分无法读取；请从登记中心重新复制整个文件。</translation>
    </message>
    <message>
        <source>The receipt file {path} does not check out: it was signed by an unknown key {key_id}, not by a registry this kiosk trusts.</source>
        <translation>回执文件 {path} 校验未通过：它由未知密钥 {key_id} 签名，不是本考试机信任的登记中心签发的。</translation>
    </message>
    <message>
        <source>The receipt file {path} does not check out: a part of it does not match its signature, so it was altered.</source>
        <translation>回执文件 {path} 校验未通过：其中有一部分与其签名不符，说明已被改动。</translation>
    </message>
    <message>
        <source>The receipt file {path} does not check out: it holds a {found}, not a {expected}.</source>
        <translation>回执文件 {path} 校验未通过：其中是 {found}，不是 {expected}。</translation>
    </message>
    <message>
        <source>The receipt file {path} is not a bundle receipt.</source>
        <translation>回执文件 {path} 不是成绩包回执。</translation>
    </message>
    <message>
        <source>The receipt file {path} mixes parts of receipts for different bundles.</source>
        <translation>回执文件 {path} 混有不同成绩包的回执部分。</translation>
    </message>
    <message>
        <source>The receipt file {path} is incomplete (part {missing} of {parts} is missing); copy the whole file again from the registry.</source>
        <translation>回执文件 {path} 不完整（共 {parts} 部分，缺少第 {missing} 部分）；请从登记中心重新复制整个文件。</translation>
    </message>
    <message>
        <source>The receipt file {path} repeats a part; copy the whole file again from the registry.</source>
        <translation>回执文件 {path} 中有重复的部分；请从登记中心重新复制整个文件。</translation>
    </message>
    <message>
        <source>A PIN or code cannot be empty.</source>
        <translation>PIN 码或登录码不能为空。</translation>
    </message>
    <message>
        <source>A stored PIN or code hash is damaged; reset that PIN or code.</source>
        <translation>保存的 PIN 码或登录码哈希已损坏；请重设该 PIN 码或登录码。</translation>
    </message>
    <message>
        <source>A stored PIN or code hash has unusable settings; reset that PIN or code.</source>
        <translation>保存的 PIN 码或登录码哈希的设置不可用；请重设该 PIN 码或登录码。</translation>
    </message>
</context>
</TS>
