<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The registry at {folder} already has a key ({key}); bundles already sent to it could not be opened with a new one, so it is kept.</source>
        <translation>位于 {folder} 的登记中心已有密钥（{key}）；已发往它的成绩包无法用新密钥打开，所以保留原密钥。</translation>
    </message>
    <message>
        <source>The folder {folder} is not a registry yet (it has no keys/*.key).</source>
        <translation>文件夹 {folder} 还不是登记中心（其中没有 keys/*.key）。</translation>
    </message>
    <message>
        <source>The registry folder {folder} holds several keys ({keys}); keep only one.</source>
        <translation>登记中心文件夹 {folder} 中有多个密钥（{keys}）；只能保留一个。</translation>
    </message>
    <message>
        <source>The key file {path} holds a {kind} key, not a registry key.</source>
        <translation>密钥文件 {path} 中是 {kind} 密钥，不是登记中心的密钥。</translation>
    </message>
    <message>
        <source>The registry folder {folder} cannot be created ({reason}); choose another.</source>
        <translation>无法创建登记中心文件夹 {folder}（{reason}）；请换一个文件夹。</translation>
    </message>
    <message>
        <source>Kiosk {kiosk} is already enrolled with key {held_key}, but {path} has key {key}; if the kiosk was reinstalled, its new key must replace the old one.</source>
        <translation>考试机 {kiosk} 已用密钥 {held_key} 注册，但 {path} 中的密钥是 {key}；如果这台考试机重新安装过，需要用它的新密钥替换旧密钥。</translation>
    </message>
    <message>
        <source>The registry database {database} refused the change ({detail}).</source>
        <translation>登记中心数据库 {database} 拒绝了这次更改（{detail}）。</translation>
    </message>
    <message>
        <source>The registry database address '{url}' is not a database URL; use e.g. 'sqlite:///registry.db' or 'postgresql+psycopg://user@host:5432/name'.</source>
        <translation>登记中心数据库地址“{url}”不是数据库 URL；请使用例如“sqlite:///registry.db”或“postgresql+psycopg://user@host:5432/name”。</translation>
    </message>
    <message>
        <source>The registry database must be SQLite or PostgreSQL, not '{backend}'.</source>
        <translation>登记中心数据库必须是 SQLite 或 PostgreSQL，不能是“{backend}”。</translation>
    </message>
    <message>
        <source>The folder {folder} for the registry database does not exist.</source>
        <translation>登记中心数据库所在的文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The registry database '{database}' cannot be used ({detail}).</source>
        <translation>无法使用登记中心数据库“{database}”（{detail}）。</translation>
    </message>
    <message>
        <source>The registry database {database} cannot be opened ({detail}); check that the server is running and the address is right.</source>
        <translation>无法打开登记中心数据库 {database}（{detail}）；请检查服务器是否在运行、地址是否正确。</translation>
    </message>
    <message>
        <source>The folder {folder} holds no result bundles (*{suffix} files).</source>
        <translation>文件夹 {folder} 中没有成绩包（*{suffix} 文件）。</translation>
    </message>
    <message>
        <source>The registry holds no attempt {attempt}; check the attempt ids or import the bundle that carries it.</source>
        <translation>登记中心没有答卷 {attempt}；请检查答卷编号，或导入包含它的成绩包。</translation>
    </message>
    <message>
        <source>The registry holds no attempt {attempt} (nor {more} more); check the attempt ids or import the bundle that carries it.</source>
        <translation>登记中心没有答卷 {attempt}（另有 {more} 份也没有）；请检查答卷编号，或导入包含它的成绩包。</translation>
    </message>
    <message>
        <source>The stored result of attempt {attempt} is not readable; re-import its bundle.</source>
        <translation>答卷 {attempt} 保存的成绩无法读取；请重新导入它的成绩包。</translation>
    </message>
    <message>
        <source>The stored form of attempt {attempt} is not readable; re-import its bundle.</source>
        <translation>答卷 {attempt} 保存的试卷无法读取；请重新导入它的成绩包。</translation>
    </message>
    <message>
        <source>The results of attempt(s) {attempts} were exported before bundles carried their pass rules, so their slips need the bank source folders they were sat on.</source>
        <translation>答卷 {attempts} 的成绩是在成绩包附带及格规则之前导出的，所以打印成绩单需要考试时所用题库的源文件夹。</translation>
    </message>
    <message>
        <source>The results of attempt(s) {attempts} and {more} more were exported before bundles carried their pass rules, so their slips need the bank source folders they were sat on.</source>
        <translation>答卷 {attempts} 及另外 {more} 份的成绩是在成绩包附带及格规则之前导出的，所以打印成绩单需要考试时所用题库的源文件夹。</translation>
    </message>
    <message>
        <source>The results list cannot be saved as {name}: give the file a name ending in .csv or .xlsx.</source>
        <translation>成绩列表不能保存为 {name}：文件名须以 .csv 或 .xlsx 结尾。</translation>
    </message>
    <message>
        <source>No registry public key was given to check the code against.</source>
        <translation>没有提供用来核对验证码的登记中心公钥。</translation>
    </message>
    <message>
        <source>This verification code is genuine but its record has no '{field}'; it was made by another version of the program, so check the slip with the registry.</source>
        <translation>这个验证码是真实的，但其记录中没有“{field}”；它由其他版本的程序生成，请向登记中心核对这份成绩单。</translation>
    </message>
    <message>
        <source>This verification code is genuine but its record is not readable by this program.</source>
        <translation>这个验证码是真实的，但本程序无法读取其记录。</translation>
    </message>
    <message>
        <source>The sample bank folder {folder} does not exist; choose the question_banks folder.</source>
        <translation>示例题库文件夹 {folder} 不存在；请选择 question_banks 文件夹。</translation>
    </message>
    <message>
        <source>The folder {folder} already holds a kiosk; the demo needs an empty folder.</source>
        <translation>文件夹 {folder} 中已有一台考试机；演示需要一个空文件夹。</translation>
    </message>
    <message>
        <source>The folder {folder} holds no bank sources (folders with a bank.yaml).</source>
        <translation>文件夹 {folder} 中没有题库源文件（含 bank.yaml 的文件夹）。</translation>
    </message>
    <message>
        <source>None of the sample banks in {folder} could be built ({banks}).</source>
        <translation>{folder} 中的示例题库都无法生成（{banks}）。</translation>
    </message>
    <message>
        <source>The file {path} could not be read ({reason}).</source>
        <translation>无法读取文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} was already imported with exactly these bytes; nothing changed.</source>
        <translation>结果包 {bundle_id} 已以完全相同的内容导入过；没有任何更改。</translation>
    </message>
    <message>
        <source>A different bundle with id {bundle_id} was already imported; this copy is kept in quarantine. The kiosk may have been restored from a backup: compare both files before using either.</source>
        <translation>已导入过另一个编号为 {bundle_id} 的结果包；此副本保存在隔离区。考试机可能是从备份恢复的：使用任何一个文件之前，请先比较两个文件。</translation>
    </message>
    <message>
        <source>Kiosk {kiosk_id} already sent {other} as its bundle {sequence}; this bundle {bundle_id} reuses the number and is kept in quarantine.</source>
        <translation>考试机 {kiosk_id} 已将 {other} 作为其第 {sequence} 号结果包发送；结果包 {bundle_id} 重复使用了这个编号，已保存在隔离区。</translation>
    </message>
    <message>
        <source>Kiosk {kiosk_id} already sent another bundle as its bundle {sequence}; this bundle {bundle_id} reuses the number and is kept in quarantine.</source>
        <translation>考试机 {kiosk_id} 已发送过另一个第 {sequence} 号结果包；结果包 {bundle_id} 重复使用了这个编号，已保存在隔离区。</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} re-sends attempts held here with other contents ({attempts}); both copies are kept for a person to decide. New attempts imported from it: {fresh}.</source>
        <translation>结果包 {bundle_id} 重新发送的作答记录与此处保存的内容不同（{attempts}）；两份副本都已保留，由人工决定。从中导入的新作答记录：{fresh}。</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} does not follow bundle {previous} held here (its previous-bundle hash differs); the kiosk may have been restored from a backup.</source>
        <translation>结果包 {bundle_id} 未接续此处保存的结果包 {previous}（其前一结果包的哈希值不同）；考试机可能是从备份恢复的。</translation>
    </message>
    <message>
        <source>Kiosk {kiosk_id}: bundle numbers not yet arrived: {numbers}. Later bundles repeat any attempt not yet acknowledged, so ask the centre to export again if results are missing.</source>
        <translation>考试机 {kiosk_id}：尚未收到的结果包编号：{numbers}。后续结果包会重复发送所有尚未确认的作答记录，如果缺少成绩，请让考点再次导出。</translation>
    </message>
</context>
</TS>
