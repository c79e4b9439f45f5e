<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminBankImport</name>
    <message>
        <source>Converted exactly</source>
        <translation>完全转换</translation>
    </message>
    <message>
        <source>Converted with changes</source>
        <translation>转换但有改动</translation>
    </message>
    <message>
        <source>Not convertible</source>
        <translation>无法转换</translation>
    </message>
    <message>
        <source>Format of the files</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>New bank folder</source>
        <translation>新题库文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>a new or empty folder; the bank source is written there</source>
        <translation>新的或空的文件夹；题库源文件写入其中</translation>
    </message>
    <message>
        <source>Import the questions</source>
        <translation>导入试题</translation>
    </message>
    <message>
        <source>Open the bank folder</source>
        <translation>打开题库文件夹</translation>
    </message>
    <message>
        <source>Source question</source>
        <translation>原试题</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>试题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What changed / why not</source>
        <translation>改动之处 / 未转换的原因</translation>
    </message>
    <message>
        <source>To import: {files}</source>
        <translation>待导入：{files}</translation>
    </message>
    <message>
        <source>Drop the files to import here, or choose them</source>
        <translation>把要导入的文件拖到这里，或选择文件</translation>
    </message>
    <message>
        <source>Choose the files to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Choose where to write the new bank folder</source>
        <translation>选择新题库文件夹的位置</translation>
    </message>
    <message>
        <source>Choose or drop the files to import first.</source>
        <translation>请先选择或拖入要导入的文件。</translation>
    </message>
    <message>
        <source>Type or choose the new bank folder first.</source>
        <translation>请先输入或选择新题库文件夹。</translation>
    </message>
    <message>
        <source>Read the report below, then open the folder, fill in what the source did not say (the competences, the difficulty, the blueprint) and check the bank before building it.</source>
        <translation>请阅读下面的报告，然后打开文件夹，补全来源未提供的内容（能力项、难度、组卷蓝图），并在生成题库之前检查题库。</translation>
    </message>
    <message>
        <source>The questions were not imported</source>
        <translation>试题未导入</translation>
    </message>
</context>
<context>
    <name>AdminBanks</name>
    <message>
        <source>Bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
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
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>题目数</translation>
    </message>
    <message>
        <source>Signed by key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Bank packages</source>
        <translation>题库包</translation>
    </message>
    <message>
        <source>Import questions from other tools</source>
        <translation>从其他工具导入试题</translation>
    </message>
    <message>
        <source>Questions from QTI 3.0 or 2.1, Moodle XML, GIFT or Aiken files become a new bank source folder, with a report on every question. Nothing is installed: the author reviews and completes the folder, then builds and signs the bank from it.</source>
        <translation>QTI 3.0 或 2.1、Moodle XML、GIFT 或 Aiken 文件中的试题将转换为一个新的题库源文件夹，并附有每道试题的报告。不会安装任何内容：由命题人审阅并补全该文件夹，再据此生成并签署题库。</translation>
    </message>
    <message>
        <source>Install bank packages</source>
        <translation>安装题库包</translation>
    </message>
    <message>
        <source>A package is installed only if the awarding body's trusted key signed it and it is newer than the installed version. Its questions stay encrypted until exam day.</source>
        <translation>只有经评价组织受信任密钥签名、且比已安装版本更新的题库包才会被安装。试题在考试当天之前一直保持加密。</translation>
    </message>
    <message>
        <source>Install packages</source>
        <translation>安装题库包</translation>
    </message>
    <message>
        <source>Import from other tools</source>
        <translation>从其他工具导入</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>the awarding body's key (for banks) or the registry's (for exports)</source>
        <translation>评价组织的密钥（用于题库）或登记中心的密钥（用于导出）</translation>
    </message>
    <message>
        <source>Trust this key</source>
        <translation>信任此密钥</translation>
    </message>
    <message>
        <source>Bank package</source>
        <translation>题库包</translation>
    </message>
    <message>
        <source>Read its header</source>
        <translation>读取包头</translation>
    </message>
    <message>
        <source>Signed header</source>
        <translation>已签名的包头</translation>
    </message>
    <message>
        <source>Install this package</source>
        <translation>安装此题库包</translation>
    </message>
    <message>
        <source>Installed banks</source>
        <translation>已安装的题库</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>安装时间</translation>
    </message>
    <message>
        <source>Signed header of {file}</source>
        <translation>{file} 的已签名包头</translation>
    </message>
    <message>
        <source>Trusted keys: {keys}</source>
        <translation>受信任的密钥：{keys}</translation>
    </message>
    <message>
        <source>No key is trusted yet: trust the awarding body's public key before installing.</source>
        <translation>尚未信任任何密钥：安装前请先信任评价组织的公钥。</translation>
    </message>
    <message>
        <source>The installed banks cannot be listed</source>
        <translation>无法列出已安装的题库</translation>
    </message>
    <message>
        <source>Choose the public key</source>
        <translation>选择公钥</translation>
    </message>
    <message>
        <source>Choose the bank package</source>
        <translation>选择题库包</translation>
    </message>
    <message>
        <source>Type or choose the public key file first.</source>
        <translation>请先输入或选择公钥文件。</translation>
    </message>
    <message>
        <source>The key {key_id} ({name}) is now trusted.</source>
        <translation>密钥 {key_id}（{name}）现已受信任。</translation>
    </message>
    <message>
        <source>The key was not trusted</source>
        <translation>未信任该密钥</translation>
    </message>
    <message>
        <source>Type or choose the bank package first.</source>
        <translation>请先输入或选择题库包。</translation>
    </message>
    <message>
        <source>Check the header, then install. The signature is checked against the trusted keys when you install.</source>
        <translation>请核对包头后再安装。安装时会用受信任的密钥校验签名。</translation>
    </message>
    <message>
        <source>This is not a bank package</source>
        <translation>这不是题库包</translation>
    </message>
    <message>
        <source>Installed {bank} version {version} ({title}, {items} items).</source>
        <translation>已安装 {bank} 第 {version} 版（{title}，{items} 道题）。</translation>
    </message>
    <message>
        <source>The bank package {path} was refused: {reason}</source>
        <translation>题库包 {path} 被拒绝：{reason}</translation>
    </message>
    <message>
        <source>The package was refused</source>
        <translation>题库包被拒绝</translation>
    </message>
</context>
<context>
    <name>AdminCandidates</name>
    <message>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Candidates and accommodations</source>
        <translation>考生与考试便利</translation>
    </message>
    <message>
        <source>Everyone on this kiosk's roster. Choose a candidate to set their extra time or give them a new access code.</source>
        <translation>本考试机名单上的所有考生。选择一名考生，可设置其延时或发放新的登录码。</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>candidate number or name</source>
        <translation>考生号或姓名</translation>
    </message>
    <message>
        <source>Extra-time factor</source>
        <translation>延时系数</translation>
    </message>
    <message>
        <source>×1.00 is no extra time; ×1.25 gives a quarter more. It applies from the candidate's next attempt.</source>
        <translation>×1.00 表示不延时；×1.25 表示多四分之一的时间。从该考生的下一次作答起生效。</translation>
    </message>
    <message>
        <source>Save extra time</source>
        <translation>保存延时</translation>
    </message>
    <message>
        <source>Issue a new access code…</source>
        <translation>发放新的登录码…</translation>
    </message>
    <message>
        <source>The old code stops working; the new one is shown once.</source>
        <translation>旧登录码立即失效；新登录码只显示一次。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>考生号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文姓名</translation>
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
        <source>Extra time</source>
        <translation>延时</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No candidates yet; import the roster first.</source>
        <translation>还没有考生；请先导入名单。</translation>
    </message>
    <message>
        <source>Choose a candidate in the list.</source>
        <translation>请在列表中选择一名考生。</translation>
    </message>
    <message>
        <source>The candidates cannot be listed</source>
        <translation>无法列出考生</translation>
    </message>
    <message>
        <source>Extra time for {number} is now {factor}.</source>
        <translation>{number} 的延时现为 {factor}。</translation>
    </message>
    <message>
        <source>The extra time was not saved</source>
        <translation>延时未保存</translation>
    </message>
    <message>
        <source>Issue a new access code?</source>
        <translation>发放新的登录码？</translation>
    </message>
    <message>
        <source>{name} ({number}) gets a new access code and the old one stops working at once.</source>
        <translation>{name}（{number}）将获得新的登录码，旧登录码立即失效。</translation>
    </message>
    <message>
        <source>Issue a new code</source>
        <translation>发放新登录码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A new access code was issued to {number}.</source>
        <translation>已向 {number} 发放新的登录码。</translation>
    </message>
    <message>
        <source>New access code for {number}</source>
        <translation>{number} 的新登录码</translation>
    </message>
    <message>
        <source>Give this code to {name}: {code}
It is shown only now; write it down before closing.</source>
        <translation>请把此登录码交给 {name}：{code}
它只显示这一次；关闭前请记下。</translation>
    </message>
    <message>
        <source>No new code was issued</source>
        <translation>未发放新登录码</translation>
    </message>
</context>
<context>
    <name>AdminConsole</name>
    <message>
        <source>Something went wrong inside the console and nothing more was done. The details are in the console's log; please report them.</source>
        <translation>控制台内部出错，已停止后续操作。详细信息记录在控制台日志中；请上报。</translation>
    </message>
</context>
<context>
    <name>AdminExport</name>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) needs no sending: receipts for other bundles acknowledge every attempt in it.</source>
        <translation>
            <numerusform>成绩包 {bundle}（%n 份作答）无需发送：其他成绩包的回执已确认其中每份作答。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) was sent; the registry's receipt was applied at {time}.</source>
        <translation>
            <numerusform>成绩包 {bundle}（%n 份作答）已发送；登记中心的回执已于 {time} 导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) was delivered by USB: the registry's receipts acknowledge every attempt in it.</source>
        <translation>
            <numerusform>成绩包 {bundle}（%n 份作答）已通过 U 盘送达：登记中心的回执已确认其中每份作答。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) waits for the registry's receipt, which comes back by USB.</source>
        <translation>
            <numerusform>成绩包 {bundle}（%n 份作答）正在等待登记中心的回执，回执将通过 U 盘带回。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) is being sent.</source>
        <translation>
            <numerusform>成绩包 {bundle}（%n 份作答）正在发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) waits to be sent again at {next}; the last try failed: {reason}</source>
        <translation>
            <numerusform>成绩包 {bundle}（%n 份作答）将于 {next} 再次发送；上次发送失败：{reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) waits to be sent, though the registry's receipts already acknowledge every attempt in it.</source>
        <translation>
            <numerusform>成绩包 {bundle}（%n 份作答）正在等待发送，不过登记中心的回执已确认其中每份作答。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle {bundle} (%n attempt(s)) waits to be sent.</source>
        <translation>
            <numerusform>成绩包 {bundle}（%n 份作答）正在等待发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出成绩</translation>
    </message>
    <message>
        <source>Export results for the registry</source>
        <translation>为登记中心导出成绩</translation>
    </message>
    <message>
        <source>Results leave this PC as one signed, encrypted bundle holding every finished attempt the registry has not yet acknowledged. The bundle is read back after writing; exporting again never loses an attempt.</source>
        <translation>成绩以一个已签名、已加密的成绩包离开本机，包含登记中心尚未确认的所有已完成作答。写入后会回读校验；再次导出绝不会丢失任何作答。</translation>
    </message>
    <message>
        <source>Write to folder</source>
        <translation>写入文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>a folder or USB stick</source>
        <translation>文件夹或 U 盘</translation>
    </message>
    <message>
        <source>Removable drive</source>
        <translation>可移动磁盘</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Registry key</source>
        <translation>登记中心密钥</translation>
    </message>
    <message>
        <source>leave empty to use the registry key this kiosk trusts</source>
        <translation>留空则使用本机信任的登记中心密钥</translation>
    </message>
    <message>
        <source>Bundles are encrypted to the registry's public key; only the registry can open them.</source>
        <translation>成绩包用登记中心的公钥加密，只有登记中心能打开。</translation>
    </message>
    <message>
        <source>Enrol this kiosk at the registry</source>
        <translation>在登记中心注册本考试机</translation>
    </message>
    <message>
        <source>The registry accepts bundles only from enrolled kiosks. Write this kiosk's enrolment file into the folder above and send it with the first bundle.</source>
        <translation>登记中心只接收已注册考试机的成绩包。请把本机的注册文件写入上面的文件夹，并随第一个成绩包一起送去。</translation>
    </message>
    <message>
        <source>Write enrolment file</source>
        <translation>写入注册文件</translation>
    </message>
    <message>
        <source>Back up this kiosk</source>
        <translation>备份本考试机</translation>
    </message>
    <message>
        <source>Written into the folder above: all this kiosk needs to come back on another PC, its key sealed with the passphrase (12+ characters; keep it apart from the stick).</source>
        <translation>写入上面的文件夹：在另一台电脑上恢复本考试机所需的一切，密钥用口令加密（至少 12 个字符；口令与 U 盘分开保管）。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Delivery of each bundle</source>
        <translation>各成绩包的送达情况</translation>
    </message>
    <message>
        <source>This kiosk has no link to a registry: bundles travel on a USB stick and their receipts come back the same way.</source>
        <translation>本考试机未连接登记中心：成绩包通过 U 盘送出，回执也通过 U 盘带回。</translation>
    </message>
    <message>
        <source>Bundles cannot be sent to the registry over the network now: {reason}</source>
        <translation>目前无法通过网络向登记中心发送成绩包：{reason}</translation>
    </message>
    <message>
        <source>While this console is open, bundles go to the registry at {url} by themselves: after each export and every minute until its receipt comes back. USB still works as well.</source>
        <translation>本控制台打开期间，成绩包会自动发送到位于 {url} 的登记中心：每次导出后发送一次，之后每分钟重试，直到收到回执。U 盘方式依然可用。</translation>
    </message>
    <message>
        <source>No bundle has been exported yet.</source>
        <translation>尚未导出任何成绩包。</translation>
    </message>
    <message>
        <source>No removable drive found; insert a USB stick and look again</source>
        <translation>未找到可移动磁盘；请插入 U 盘后重新查找</translation>
    </message>
    <message>
        <source>Choose a drive…</source>
        <translation>选择磁盘…</translation>
    </message>
    <message>
        <source>{label} ({root}, {free} free)</source>
        <translation>{label}（{root}，可用 {free}）</translation>
    </message>
    <message>
        <source>The delivery of the bundles cannot be shown</source>
        <translation>无法显示成绩包的送达情况</translation>
    </message>
    <message>
        <source>Choose where to write the results</source>
        <translation>选择成绩的写入位置</translation>
    </message>
    <message>
        <source>Choose the registry's public key</source>
        <translation>选择登记中心的公钥</translation>
    </message>
    <message>
        <source>Type or choose the folder (or USB stick) to write to first.</source>
        <translation>请先输入或选择要写入的文件夹（或 U 盘）。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote bundle {bundle} with %n attempt(s) to {path} and read it back intact. Take it to the registry; its receipt marks the attempts as delivered.</source>
        <translation>
            <numerusform>已将含 %n 份作答的成绩包 {bundle} 写入 {path}，回读完好。请送交登记中心；其回执会把这些作答标记为已送达。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) an interrupted export had numbered but not written were written too; take them as well.</source>
        <translation>
            <numerusform>此前一次导出中断时已编号但未写出的 %n 个成绩包也已写出；请一并带走。</numerusform>
        </translation>
    </message>
    <message>
        <source>No results were exported</source>
        <translation>未导出任何成绩</translation>
    </message>
    <message>
        <source>Wrote {path}. Key id {key_id}: the registry administrator should see the same id when enrolling this kiosk.</source>
        <translation>已写入 {path}。密钥编号 {key_id}：登记中心管理员注册本机时应看到相同的编号。</translation>
    </message>
    <message>
        <source>The enrolment file was not written</source>
        <translation>注册文件未写入</translation>
    </message>
    <message>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>两次输入的口令不一致；请输入相同的口令两次。</translation>
    </message>
    <message>
        <source>Backed kiosk {kiosk_id} up to {folder}: {packages} bank package(s) and {keys} trusted key(s) with it.</source>
        <translation>已把考试机 {kiosk_id} 备份到 {folder}：其中包括 {packages} 个题库包和 {keys} 个受信任的密钥。</translation>
    </message>
    <message>
        <source>The kiosk was not backed up</source>
        <translation>考试机未能备份</translation>
    </message>
</context>
<context>
    <name>AdminImports</name>
    <message>
        <source>Import results</source>
        <translation>导入成绩</translation>
    </message>
    <message>
        <source>Import result bundles</source>
        <translation>导入成绩包</translation>
    </message>
    <message>
        <source>Each bundle is checked (enrolled kiosk, signature, contents) and imported whole, once. Refused and conflicting files are copied to the quarantine folder; nothing is ever deleted.</source>
        <translation>每个成绩包都会经过检查（已注册的考试机、签名、内容），并且完整地只导入一次。被拒绝和有冲突的文件会复制到隔离文件夹；任何内容都不会被删除。</translation>
    </message>
    <message>
        <source>Choose bundle files…</source>
        <translation>选择成绩包文件…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Open the receipts folder</source>
        <translation>打开回执文件夹</translation>
    </message>
    <message>
        <source>Or drop bundle files or folders (a USB stick) here</source>
        <translation>或把成绩包文件或文件夹（U 盘）拖到这里</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>成绩包</translation>
    </message>
    <message>
        <source>New attempts</source>
        <translation>新作答</translation>
    </message>
    <message>
        <source>Reason or receipt</source>
        <translation>原因或回执</translation>
    </message>
    <message>
        <source>Looking for bundles…</source>
        <translation>正在查找成绩包…</translation>
    </message>
    <message>
        <source>{done} of {total} checked: {file}</source>
        <translation>已检查 {done}/{total}：{file}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) checked.</source>
        <translation>
            <numerusform>已检查 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{imported} imported (%n new attempt(s)), {duplicate} duplicate, {conflict} conflict, {refused} refused.</source>
        <translation>
            <numerusform>已导入 {imported} 个（%n 份新作答），重复 {duplicate} 个，冲突 {conflict} 个，拒绝 {refused} 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused and conflicting files were copied to the quarantine folder.</source>
        <translation>被拒绝和有冲突的文件已复制到隔离文件夹。</translation>
    </message>
    <message>
        <source>receipt {file}</source>
        <translation>回执 {file}</translation>
    </message>
    <message>
        <source>Choose result bundles</source>
        <translation>选择成绩包</translation>
    </message>
    <message>
        <source>Choose a folder of result bundles</source>
        <translation>选择存放成绩包的文件夹</translation>
    </message>
    <message>
        <source>The bundles were not imported</source>
        <translation>成绩包未导入</translation>
    </message>
</context>
<context>
    <name>AdminInvigilators</name>
    <message>
        <source>Invigilators</source>
        <translation>监考员</translation>
    </message>
    <message>
        <source>Invigilator accounts</source>
        <translation>监考员账号</translation>
    </message>
    <message>
        <source>Invigilators unlock sittings with their PIN. PINs are kept only in a form that cannot be read back, so a new PIN is shown once when it is made.</source>
        <translation>监考员用 PIN 码解锁场次。PIN 码以无法还原的形式保存，因此新 PIN 码只在生成时显示一次。</translation>
    </message>
    <message>
        <source>Add an invigilator</source>
        <translation>添加监考员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>PIN (optional)</source>
        <translation>PIN 码（可不填）</translation>
    </message>
    <message>
        <source>6 to 12 digits. Leave it empty to have a PIN made up for you.</source>
        <translation>6 到 12 位数字。留空则自动生成。</translation>
    </message>
    <message>
        <source>Add invigilator</source>
        <translation>添加监考员</translation>
    </message>
    <message>
        <source>Give a new PIN…</source>
        <translation>发放新 PIN 码…</translation>
    </message>
    <message>
        <source>Stop this PIN working…</source>
        <translation>停用此 PIN 码…</translation>
    </message>
    <message>
        <source>PIN works</source>
        <translation>PIN 码有效</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no (stopped)</source>
        <translation>否（已停用）</translation>
    </message>
    <message>
        <source>Choose an invigilator in the list.</source>
        <translation>请在列表中选择一名监考员。</translation>
    </message>
    <message>
        <source>The invigilators cannot be listed</source>
        <translation>无法列出监考员</translation>
    </message>
    <message>
        <source>{name} can now unlock sittings.</source>
        <translation>{name} 现在可以解锁场次。</translation>
    </message>
    <message>
        <source>Invigilator added</source>
        <translation>已添加监考员</translation>
    </message>
    <message>
        <source>The invigilator was not added</source>
        <translation>未添加监考员</translation>
    </message>
    <message>
        <source>The PIN for {name} is {pin}
It is shown only now; hand it to {name} in person.</source>
        <translation>{name} 的 PIN 码是 {pin}
它只显示这一次；请当面交给 {name}。</translation>
    </message>
    <message>
        <source>Give {name} a new PIN?</source>
        <translation>为 {name} 生成新 PIN 码？</translation>
    </message>
    <message>
        <source>The old PIN stops working at once; a new one is made and shown once.</source>
        <translation>旧 PIN 码立即失效；将生成新 PIN 码并只显示一次。</translation>
    </message>
    <message>
        <source>Make a new PIN</source>
        <translation>生成新 PIN 码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{name} has a new PIN.</source>
        <translation>{name} 已有新的 PIN 码。</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <source>No new PIN was made</source>
        <translation>未生成新 PIN 码</translation>
    </message>
    <message>
        <source>Stop {name}'s PIN working?</source>
        <translation>停用 {name} 的 PIN 码？</translation>
    </message>
    <message>
        <source>{name} will no longer be able to unlock sittings. The account is kept for the record; a new PIN makes it work again.</source>
        <translation>{name} 将不能再解锁场次。账号会保留以备记录；发放新 PIN 码即可恢复使用。</translation>
    </message>
    <message>
        <source>Stop the PIN</source>
        <translation>停用 PIN 码</translation>
    </message>
    <message>
        <source>{name}'s PIN no longer works.</source>
        <translation>{name} 的 PIN 码已失效。</translation>
    </message>
    <message>
        <source>The PIN was not stopped</source>
        <translation>PIN 码未停用</translation>
    </message>
</context>
<context>
    <name>AdminKiosks</name>
    <message>
        <source>Kiosks</source>
        <translation>考试机</translation>
    </message>
    <message>
        <source>Enrol kiosks</source>
        <translation>注册考试机</translation>
    </message>
    <message>
        <source>The registry accepts result bundles only from enrolled kiosks. Read the enrolment file the centre wrote on the kiosk, then compare the key id shown here with the one the centre saw.</source>
        <translation>登记中心只接收已注册考试机的成绩包。请读取考点在考试机上写出的注册文件，并把这里显示的密钥编号与考点看到的编号核对。</translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation>注册文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Enrol kiosk</source>
        <translation>注册考试机</translation>
    </message>
    <message>
        <source>The kiosk was reinstalled: replace the key it was enrolled with (the old key is kept)</source>
        <translation>考试机已重新安装：替换其注册时的密钥（旧密钥仍保留）</translation>
    </message>
    <message>
        <source>Or drop enrolment files here</source>
        <translation>或把注册文件拖到这里</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>考试机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Last upload</source>
        <translation>最近上传</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Kiosk {kiosk} ('{name}' at {centre}) is enrolled with key id {key_id}.</source>
        <translation>考试机 {kiosk}（{centre} 的“{name}”）已注册，密钥编号 {key_id}。</translation>
    </message>
    <message>
        <source>Kiosk {kiosk} ('{name}' at {centre}) was already enrolled with key id {key_id}; nothing changed.</source>
        <translation>考试机 {kiosk}（{centre} 的“{name}”）此前已用密钥编号 {key_id} 注册；没有变化。</translation>
    </message>
    <message>
        <source>Kiosk {kiosk} ('{name}' at {centre}) now uses key id {key_id}; its old key is kept.</source>
        <translation>考试机 {kiosk}（{centre} 的“{name}”）现在使用密钥编号 {key_id}；旧密钥仍保留。</translation>
    </message>
    <message>
        <source>The enrolled kiosks cannot be listed</source>
        <translation>无法列出已注册的考试机</translation>
    </message>
    <message>
        <source>Choose the enrolment file</source>
        <translation>选择注册文件</translation>
    </message>
    <message>
        <source>Type or choose the enrolment file first.</source>
        <translation>请先输入或选择注册文件。</translation>
    </message>
    <message>
        <source>The kiosk was not enrolled</source>
        <translation>考试机未注册</translation>
    </message>
</context>
<context>
    <name>AdminLabCheck</name>
    <message>
        <source>Data kept through a restart</source>
        <translation>重启后数据保留</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>磁盘可用空间</translation>
    </message>
    <message>
        <source>Disk speed</source>
        <translation>磁盘速度</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Screen size</source>
        <translation>屏幕尺寸</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>电源</translation>
    </message>
    <message>
        <source>Remote access</source>
        <translation>远程访问</translation>
    </message>
    <message>
        <source>Kiosk store</source>
        <translation>考试机数据库</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Look at this</source>
        <translation>请注意</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Not checked here</source>
        <translation>此处未检查</translation>
    </message>
    <message>
        <source>Lab check</source>
        <translation>机房检查</translation>
    </message>
    <message>
        <source>Pre-exam lab check</source>
        <translation>考前机房检查</translation>
    </message>
    <message>
        <source>Checks that this PC can run an exam without losing answers: the data folder survives a restart, there is disk space, the clock is right, the screen and fonts suit the exam, and nobody else can reach the PC. The kiosk runs the same check before it unlocks a sitting.</source>
        <translation>检查本电脑能否在不丢失作答的情况下进行考试：数据文件夹重启后仍保留、磁盘空间充足、时钟正确、屏幕和字体适合考试、没有他人能访问本电脑。考试机在开启考场前也会运行同样的检查。</translation>
    </message>
    <message>
        <source>Run the check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Let it open anyway…</source>
        <translation>仍然允许开启…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <source>Lines failed: {failed}. A sitting stays locked on this PC until they are fixed, or an invigilator lets it open anyway.</source>
        <translation>未通过的项目：{failed}。在问题解决之前，本电脑上的考场将保持锁定，或由监考员允许仍然开启。</translation>
    </message>
    <message>
        <source>Nothing failed; look at the lines marked before the exam ({warned}).</source>
        <translation>没有未通过的项目；请在考试前查看标记的项目（{warned}）。</translation>
    </message>
    <message>
        <source>Nothing failed: this PC is ready.</source>
        <translation>没有未通过的项目：本电脑已准备就绪。</translation>
    </message>
    <message>
        <source>The lab check could not be run</source>
        <translation>无法运行机房检查</translation>
    </message>
    <message>
        <source>Let {name} open anyway?</source>
        <translation>仍然允许开启 {name}？</translation>
    </message>
    <message>
        <source>The sitting opens on this PC although the lab check fails. This is recorded as an incident of the sitting, with the invigilator's name.</source>
        <translation>尽管机房检查未通过，考场仍将在本电脑上开启。此事将连同监考员姓名记录为该考场的异常事件。</translation>
    </message>
    <message>
        <source>{name} may now be opened on this PC although the lab check fails; the incident is recorded.</source>
        <translation>尽管机房检查未通过，现在仍可在本电脑上开启 {name}；此事已记录为异常事件。</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
</context>
<context>
    <name>AdminPrinting</name>
    <message>
        <source>Invigilation pack</source>
        <translation>监考资料包</translation>
    </message>
    <message>
        <source>Print for a sitting</source>
        <translation>打印场次资料</translation>
    </message>
    <message>
        <source>Documents are saved as PDF on this PC (no network needed); open them to print. Print in black and white: nothing depends on colour.</source>
        <translation>文档以 PDF 保存在本机（无需网络）；打开后即可打印。可用黑白打印：所有信息都不依赖颜色。</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Save in folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Attendance register, an admission slip with a fresh access code for every candidate entered, the invigilator's instructions and an incident log. Making a pack issues new codes for this sitting: codes from an earlier pack or the roster import no longer open it; other sittings keep their codes.</source>
        <translation>签到表、每位报考考生一张附新登录码的准考条、监考说明和事件记录表。生成资料包会为本场考试发放新的登录码：此前资料包或名单导入时的登录码将无法再进入本场考试；其他场次的登录码不受影响。</translation>
    </message>
    <message>
        <source>Make the invigilation pack…</source>
        <translation>生成监考资料包…</translation>
    </message>
    <message>
        <source>Sitting report</source>
        <translation>场次报告</translation>
    </message>
    <message>
        <source>After the sitting: attendance, start and finish times and time used per candidate, incidents and power cuts.</source>
        <translation>考试结束后：每位考生的出勤、开始和结束时间、用时，以及事件和停电记录。</translation>
    </message>
    <message>
        <source>Make the sitting report</source>
        <translation>生成场次报告</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>No sitting is scheduled yet; schedule one first.</source>
        <translation>还没有安排场次；请先安排一个。</translation>
    </message>
    <message>
        <source>Making access codes: {done} of {total} done.</source>
        <translation>正在生成登录码：已完成 {done} / {total}。</translation>
    </message>
    <message>
        <source>The sittings cannot be listed</source>
        <translation>无法列出场次</translation>
    </message>
    <message>
        <source>Choose where to save the PDF</source>
        <translation>选择 PDF 的保存位置</translation>
    </message>
    <message>
        <source>Issue new access codes?</source>
        <translation>发放新的登录码？</translation>
    </message>
    <message>
        <source>Every candidate entered for '{sitting}' gets a new access code, printed on their admission slip. For this sitting, codes from earlier packs or from the roster import stop working now; other sittings keep their codes.</source>
        <translation>报考“{sitting}”的每位考生都会获得新的登录码，印在准考条上。对本场考试而言，此前资料包或名单导入时的登录码立即失效；其他场次的登录码不受影响。</translation>
    </message>
    <message>
        <source>Make the pack</source>
        <translation>生成资料包</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Saved the invigilation pack to {path}: %n candidate(s) have fresh access codes. Open it and print it now; keep it locked away until the sitting.</source>
        <translation>
            <numerusform>监考资料包已保存到 {path}：%n 名考生获得了新的登录码。请立即打开并打印；考试前请锁好保管。</numerusform>
        </translation>
    </message>
    <message>
        <source>The invigilation pack was not made</source>
        <translation>监考资料包未生成</translation>
    </message>
    <message>
        <source>Saved the sitting report to {path}.</source>
        <translation>场次报告已保存到 {path}。</translation>
    </message>
    <message>
        <source>The sitting report was not made</source>
        <translation>场次报告未生成</translation>
    </message>
    <message>
        <source>The PDF did not open</source>
        <translation>PDF 未能打开</translation>
    </message>
    <message>
        <source>No program on this PC opens PDF files; open {path} from another PC.</source>
        <translation>本机没有能打开 PDF 文件的程序；请在其他电脑上打开 {path}。</translation>
    </message>
</context>
<context>
    <name>AdminReceipts</name>
    <message>
        <source>Registry receipts</source>
        <translation>登记中心回执</translation>
    </message>
    <message>
        <source>What the registry has acknowledged</source>
        <translation>登记中心已确认的作答</translation>
    </message>
    <message>
        <source>After importing a bundle the registry writes a signed receipt. Bring it back here: the attempts it names are marked delivered (they stay on this PC) and are not exported again. The list shows every finished attempt on this PC and how far it has got.</source>
        <translation>登记中心导入成绩包后会写出一份已签名的回执。把它带回这里：回执中列出的作答会被标记为已送达（仍保留在本机），不会再次导出。下表列出本机所有已结束的作答及其送达进度。</translation>
    </message>
    <message>
        <source>Receipt file</source>
        <translation>回执文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Import receipt</source>
        <translation>导入回执</translation>
    </message>
    <message>
        <source>Or drop receipt files here</source>
        <translation>或把回执文件拖到这里</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Last exported in</source>
        <translation>最近导出所在成绩包</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记中心</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>waiting for the receipt</source>
        <translation>等待回执</translation>
    </message>
    <message>
        <source>not exported yet</source>
        <translation>尚未导出</translation>
    </message>
    <message numerus="yes">
        <source>%n finished attempt(s) on this PC: {acknowledged} acknowledged by the registry, {waiting} exported and waiting for the receipt, {fresh} not exported yet.</source>
        <translation>
            <numerusform>本机共有 %n 份已结束的作答：{acknowledged} 份已获登记中心确认，{waiting} 份已导出、等待回执，{fresh} 份尚未导出。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receipt for bundle {bundle}: %n attempt(s) marked delivered, {already} already marked, {missing} not acknowledged.</source>
        <translation>
            <numerusform>成绩包 {bundle} 的回执：%n 份作答标记为已送达，{already} 份此前已标记，{missing} 份未被确认。</numerusform>
        </translation>
    </message>
    <message>
        <source>The attempts cannot be listed</source>
        <translation>无法列出作答</translation>
    </message>
    <message>
        <source>Choose receipt files</source>
        <translation>选择回执文件</translation>
    </message>
    <message>
        <source>Type or choose the receipt file first.</source>
        <translation>请先输入或选择回执文件。</translation>
    </message>
    <message>
        <source>A receipt was refused</source>
        <translation>有回执被拒绝</translation>
    </message>
    <message>
        <source>The receipts were not imported</source>
        <translation>回执未导入</translation>
    </message>
</context>
<context>
    <name>AdminResults</name>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>not rescored yet</source>
        <translation>尚未重新评分</translation>
    </message>
    <message>
        <source>second result: awaits a decision</source>
        <translation>第二份成绩：等待决定</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>The folder {path} cannot be made ({reason}); choose another.</source>
        <translation>无法创建文件夹 {path}（{reason}）；请换一个。</translation>
    </message>
    <message>
        <source>The results cannot be listed</source>
        <translation>无法列出成绩</translation>
    </message>
    <message>
        <source>Choose the folder of bank sources</source>
        <translation>选择题库源文件夹</translation>
    </message>
    <message>
        <source>Choose where to save documents</source>
        <translation>选择文档的保存位置</translation>
    </message>
    <message>
        <source>Item analysis needs the bank sources: type or choose the folder of bank sources (for example question_banks) first.</source>
        <translation>试题分析需要题库源文件：请先输入或选择题库源文件夹（例如 question_banks）。</translation>
    </message>
    <message>
        <source>The documents were not made</source>
        <translation>文档未生成</translation>
    </message>
    <message numerus="yes">
        <source>%n of the chosen result(s) wait for the registry to hold their bank; choose the folder of bank sources to rescore and print them.</source>
        <translation>
            <numerusform>所选成绩中有 %n 条正等待登记中心保存其题库；请选择题库源文件夹，以重新评分并打印。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the results list</source>
        <translation>保存成绩列表</translation>
    </message>
    <message>
        <source>The list was not saved</source>
        <translation>列表未保存</translation>
    </message>
    <message>
        <source>Nothing was made: none of the chosen candidates passed.</source>
        <translation>没有生成任何文档：所选考生均未通过。</translation>
    </message>
    <message numerus="yes">
        <source>Made %n file(s) in {folder}.</source>
        <translation>
            <numerusform>已在 {folder} 中生成 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No certificate for %n result(s) that did not pass.</source>
        <translation>
            <numerusform>%n 条未通过的成绩没有证书。</numerusform>
        </translation>
    </message>
    <message>
        <source>Results and reports</source>
        <translation>成绩与报告</translation>
    </message>
    <message>
        <source>Results, slips and reports</source>
        <translation>成绩、成绩单与报告</translation>
    </message>
    <message>
        <source>Choose results with the filters (and, if you like, rows in the list): slips and certificates are made for the chosen rows, or for every result the filters let through when none is chosen. Press Enter on a row for its slip.</source>
        <translation>用筛选条件（也可在列表中选中若干行）选择成绩：成绩单和证书为选中的行生成；未选中任何行时，为筛选出的所有成绩生成。在某一行上按回车键可生成其成绩单。</translation>
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
        <source>Centre</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Bank sources</source>
        <translation>题库源文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>the folder of bank sources, e.g. question_banks (for item analysis, and for results waiting for the registry to hold their bank)</source>
        <translation>题库源文件夹，例如 question_banks（用于试题分析，以及等待登记中心保存其题库的成绩）</translation>
    </message>
    <message>
        <source>Save documents in</source>
        <translation>文档保存到</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Result slips</source>
        <translation>成绩单</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Cohort report</source>
        <translation>群体报告</translation>
    </message>
    <message>
        <source>Item analysis</source>
        <translation>试题分析</translation>
    </message>
    <message>
        <source>Export the list (CSV)</source>
        <translation>导出列表（CSV）</translation>
    </message>
    <message>
        <source>Export the list (XLSX)</source>
        <translation>导出列表（XLSX）</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>第一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>最后一页</translation>
    </message>
    <message>
        <source>PDF, with its tables as CSV and XLSX</source>
        <translation>PDF，其中的表格另存为 CSV 和 XLSX</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Mark (%)</source>
        <translation>得分（%）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>No results match the filters.</source>
        <translation>没有符合筛选条件的成绩。</translation>
    </message>
    <message>
        <source>Showing {first}–{last} of {total} results; {passed} passed.</source>
        <translation>显示 {total} 条成绩中的第 {first}–{last} 条；{passed} 人通过。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>AdminRoster</name>
    <message>
        <source>candidate number</source>
        <translation>考生号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>chinese name</source>
        <translation>中文姓名</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>extra time</source>
        <translation>延时</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>heading row</source>
        <translation>标题行</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>考生行</translation>
    </message>
    <message>
        <source>Roster import</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Import the candidate roster</source>
        <translation>导入考生名单</translation>
    </message>
    <message>
        <source>Choose the roster exported from the spreadsheet as CSV. Every row is checked and shown first; nothing is saved until you press Import.</source>
        <translation>选择从电子表格导出的 CSV 名单。每一行都会先检查并显示；按“导入”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Roster file</source>
        <translation>名单文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>a .csv file</source>
        <translation>.csv 文件</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Save codes to a file…</source>
        <translation>把登录码保存到文件…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>What to fix</source>
        <translation>需要修改的内容</translation>
    </message>
    <message>
        <source>Candidate number</source>
        <translation>考生号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文姓名</translation>
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
        <source>Extra time</source>
        <translation>延时</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>登录码</translation>
    </message>
    <message>
        <source>Candidates in the file</source>
        <translation>文件中的考生</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Problems ({count}): fix these rows in the spreadsheet, save, and check again</source>
        <translation>问题（{count} 个）：请在电子表格中修改这些行，保存后重新检查</translation>
    </message>
    <message>
        <source>Rows that are ready ({count})</source>
        <translation>可导入的行（{count} 行）</translation>
    </message>
    <message>
        <source>Import (fix every problem first)</source>
        <translation>导入（请先修正所有问题）</translation>
    </message>
    <message numerus="yes">
        <source>Import %n candidate(s)</source>
        <translation>
            <numerusform>导入 %n 名考生</numerusform>
        </translation>
    </message>
    <message>
        <source>Read as {encoding}, fields separated by '{delimiter}'.</source>
        <translation>按 {encoding} 读取，字段分隔符为“{delimiter}”。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in {file}. Nothing has been saved; correct the rows listed below and check the file again.</source>
        <translation>
            <numerusform>{file} 中有 %n 个问题。尚未保存任何内容；请修改下列各行后重新检查文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) in {file} are ready to import.</source>
        <translation>
            <numerusform>{file} 中的 %n 名考生可以导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n candidate(s): making their access codes…</source>
        <translation>
            <numerusform>正在导入 %n 名考生：正在生成他们的登录码…</numerusform>
        </translation>
    </message>
    <message>
        <source>Making access codes: {done} of {total} done.</source>
        <translation>正在生成登录码：已完成 {done} / {total}。</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) imported from {file}.</source>
        <translation>
            <numerusform>已从 {file} 导入 %n 名考生。</numerusform>
        </translation>
    </message>
    <message>
        <source>These access codes are shown only now; they are stored only in a form that cannot be read back. Save them to a file (or print the invigilation pack, which issues fresh codes).</source>
        <translation>这些登录码只在此刻显示；系统只保存无法还原的形式。请把它们保存到文件（或打印监考资料包，它会发放新的登录码）。</translation>
    </message>
    <message>
        <source>Choose the roster CSV file</source>
        <translation>选择 CSV 名单文件</translation>
    </message>
    <message>
        <source>Type or choose the roster file first.</source>
        <translation>请先输入或选择名单文件。</translation>
    </message>
    <message>
        <source>The roster cannot be read</source>
        <translation>无法读取名单</translation>
    </message>
    <message>
        <source>The roster was not imported</source>
        <translation>名单未导入</translation>
    </message>
    <message>
        <source>Save the access codes</source>
        <translation>保存登录码</translation>
    </message>
    <message>
        <source>The access codes were not saved</source>
        <translation>登录码未保存</translation>
    </message>
    <message>
        <source>Access codes saved to {path}. Keep the file safe and delete it after the sitting.</source>
        <translation>登录码已保存到 {path}。请妥善保管该文件，考试结束后删除。</translation>
    </message>
    <message>
        <source>Leave without saving the codes?</source>
        <translation>不保存登录码就离开？</translation>
    </message>
    <message>
        <source>The access codes have not been saved and cannot be shown again. Candidates would then need new codes (a new invigilation pack or a code reset).</source>
        <translation>登录码尚未保存，且无法再次显示。考生届时将需要新的登录码（重新生成监考资料包或重置登录码）。</translation>
    </message>
    <message>
        <source>Leave without saving</source>
        <translation>不保存，离开</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>AdminSetup</name>
    <message>
        <source>The registry cannot be opened</source>
        <translation>无法打开成绩登记中心</translation>
    </message>
    <message>
        <source>Registry folder {folder} · not set up yet</source>
        <translation>登记中心文件夹 {folder} · 尚未设置</translation>
    </message>
    <message>
        <source>Set up this PC</source>
        <translation>设置本电脑</translation>
    </message>
    <message>
        <source>Set up this PC as a kiosk</source>
        <translation>将本电脑设置为考试机</translation>
    </message>
    <message>
        <source>This PC is not a kiosk yet. Give the centre's name and a name staff know this PC by, the public keys of the awarding body and of the registry (from their USB stick), and a folder for this PC's enrolment file, which the registry needs before it accepts results.</source>
        <translation>本电脑还不是考试机。请填写考点名称和工作人员对本电脑的称呼，提供颁证机构和登记中心的公钥（来自它们的 U 盘），并选择一个文件夹保存本电脑的注册文件；登记中心接收成绩前需要该文件。</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Name of this PC</source>
        <translation>本电脑名称</translation>
    </message>
    <message>
        <source>for example CZVTC Lusaka</source>
        <translation>例如 CZVTC Lusaka</translation>
    </message>
    <message>
        <source>for example Lab 2 PC 14</source>
        <translation>例如 Lab 2 PC 14</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Awarding body's public key</source>
        <translation>颁证机构的公钥</translation>
    </message>
    <message>
        <source>Registry's public key</source>
        <translation>登记中心的公钥</translation>
    </message>
    <message>
        <source>Write the enrolment file to</source>
        <translation>注册文件保存到</translation>
    </message>
    <message>
        <source>a folder, e.g. the USB stick</source>
        <translation>一个文件夹，例如 U 盘</translation>
    </message>
    <message>
        <source>The keys and the enrolment file can also be done later: the keys on the Bank packages page, the enrolment file on the Export results page.</source>
        <translation>密钥和注册文件也可以稍后处理：密钥在“题库包”页面，注册文件在“导出成绩”页面。</translation>
    </message>
    <message>
        <source>Or bring back a kiosk from its backup</source>
        <translation>或者从备份恢复考试机</translation>
    </message>
    <message>
        <source>For a PC that replaces a lost or broken kiosk: choose the backup folder made with 'Back up this kiosk' and type its passphrase. The kiosk comes back with its candidates, sittings, results and keys; results not yet acknowledged by the registry go in the next export.</source>
        <translation>用于替换丢失或损坏的考试机的电脑：选择用“备份本考试机”生成的备份文件夹，并输入其口令。考试机将连同考生、考场、成绩和密钥一起恢复；登记中心尚未确认的成绩会在下次导出时发送。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>a kiosk-backup-… folder</source>
        <translation>kiosk-backup-… 文件夹</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Restore the kiosk</source>
        <translation>恢复考试机</translation>
    </message>
    <message>
        <source>The kiosk's backup folder</source>
        <translation>考试机的备份文件夹</translation>
    </message>
    <message>
        <source>Folder for the enrolment file</source>
        <translation>注册文件所在文件夹</translation>
    </message>
    <message>
        <source>Public key file</source>
        <translation>公钥文件</translation>
    </message>
    <message>
        <source>Public keys (*.pub)</source>
        <translation>公钥 (*.pub)</translation>
    </message>
    <message>
        <source>This PC is now kiosk {kiosk_id} ('{kiosk}' at {centre}).</source>
        <translation>本电脑现为考试机 {kiosk_id}（{centre} 的“{kiosk}”）。</translation>
    </message>
    <message>
        <source>Trusted key {key_id} ({name}).</source>
        <translation>已信任密钥 {key_id}（{name}）。</translation>
    </message>
    <message>
        <source>The enrolment file is {path}; take it to the registry.</source>
        <translation>注册文件为 {path}；请把它交给登记中心。</translation>
    </message>
    <message>
        <source>Recovery code (shown only now; keep it sealed with the exam papers): {code}. It clears a lockout after too many wrong invigilator PINs.</source>
        <translation>恢复码（仅此一次显示；请与试卷一起密封保存）：{code}。监考员 PIN 输错次数过多而被锁定时，可用它解除锁定。</translation>
    </message>
    <message>
        <source>This PC is set up</source>
        <translation>本电脑已设置完成</translation>
    </message>
    <message>
        <source>This PC was not set up</source>
        <translation>本电脑未能设置</translation>
    </message>
    <message>
        <source>Kiosk {old} is back on this PC as {new}. {waiting} finished attempt(s) the registry had not acknowledged will go in the next export.</source>
        <translation>考试机 {old} 已在本电脑上恢复为 {new}。登记中心尚未确认的 {waiting} 份已完成作答将在下次导出时发送。</translation>
    </message>
    <message>
        <source>The kiosk is restored</source>
        <translation>考试机已恢复</translation>
    </message>
    <message>
        <source>The kiosk was not restored</source>
        <translation>考试机未能恢复</translation>
    </message>
    <message>
        <source>The registry's public key</source>
        <translation>登记中心的公钥</translation>
    </message>
    <message>
        <source>Save a copy for the kiosks…</source>
        <translation>为考试机保存一份副本…</translation>
    </message>
    <message>
        <source>Key {key_id} ({name}). Every kiosk trusts this key; when a kiosk is set up, compare the key id it shows with this one.</source>
        <translation>密钥 {key_id}（{name}）。每台考试机都信任此密钥；设置考试机时，请将其显示的密钥编号与此核对。</translation>
    </message>
    <message>
        <source>Save the registry's public key</source>
        <translation>保存登记中心的公钥</translation>
    </message>
    <message>
        <source>The public key was saved as {path}.</source>
        <translation>公钥已保存为 {path}。</translation>
    </message>
    <message>
        <source>The public key was not saved</source>
        <translation>公钥未保存</translation>
    </message>
    <message>
        <source>Set up the registry</source>
        <translation>设置登记中心</translation>
    </message>
    <message>
        <source>Set up the results registry</source>
        <translation>设置成绩登记中心</translation>
    </message>
    <message>
        <source>The folder {folder} is not a registry yet. Choose where the results are kept, then make the registry's keys: the private key stays in this folder, and the public key goes to every kiosk.</source>
        <translation>文件夹 {folder} 还不是登记中心。请选择成绩的保存位置，然后生成登记中心的密钥：私钥保留在此文件夹中，公钥分发给每台考试机。</translation>
    </message>
    <message>
        <source>Where the results are kept</source>
        <translation>成绩保存位置</translation>
    </message>
    <message>
        <source>A database file in the registry folder (SQLite)</source>
        <translation>登记中心文件夹中的数据库文件（SQLite）</translation>
    </message>
    <message>
        <source>A PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Make the registry's keys</source>
        <translation>生成登记中心的密钥</translation>
    </message>
    <message>
        <source>Open the registry console</source>
        <translation>打开登记中心控制台</translation>
    </message>
    <message>
        <source>The database {database} can be used.</source>
        <translation>数据库 {database} 可以使用。</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>数据库无法使用</translation>
    </message>
    <message>
        <source>The registry is ready. Save a copy of its public key for the kiosks, then open the console.</source>
        <translation>登记中心已就绪。请为考试机保存一份公钥副本，然后打开控制台。</translation>
    </message>
    <message>
        <source>The registry was not set up</source>
        <translation>登记中心未能设置</translation>
    </message>
    <message>
        <source>Registry key</source>
        <translation>登记中心密钥</translation>
    </message>
    <message>
        <source>Kiosks seal results for this key and check that packages and link files come from this registry. Give every kiosk a copy.</source>
        <translation>考试机用此密钥封存成绩，并据此核对考试包和链接文件是否来自本登记中心。请给每台考试机一份副本。</translation>
    </message>
</context>
<context>
    <name>AdminSittings</name>
    <message>
        <source>Sittings</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Schedule sittings</source>
        <translation>安排场次</translation>
    </message>
    <message>
        <source>A sitting is one exam session of an installed bank on a day. On the day, the invigilator unlocks it on each PC with their PIN and the release code.</source>
        <translation>场次是某一天使用某个已安装题库进行的一次考试。考试当天，监考员在每台电脑上用自己的 PIN 码和开考码解锁。</translation>
    </message>
    <message>
        <source>New sitting</source>
        <translation>新场次</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>for example Maintenance II theory, morning</source>
        <translation>例如：储能维护 II 级理论，上午</translation>
    </message>
    <message>
        <source>Show candidates their score on the receipt</source>
        <translation>在考生回执上显示分数</translation>
    </message>
    <message>
        <source>Schedule the sitting</source>
        <translation>安排此场次</translation>
    </message>
    <message>
        <source>No bank is installed yet; install a bank package first.</source>
        <translation>还没有安装题库；请先安装题库包。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score on receipt</source>
        <translation>回执显示分数</translation>
    </message>
    <message>
        <source>The sittings cannot be listed</source>
        <translation>无法列出场次</translation>
    </message>
    <message>
        <source>Sitting {number} '{name}' of {bank} is scheduled for {date}.</source>
        <translation>使用 {bank} 的第 {number} 场“{name}”已安排在 {date}。</translation>
    </message>
    <message>
        <source>The sitting was not scheduled</source>
        <translation>场次未安排</translation>
    </message>
</context>
<context>
    <name>AdminTerms</name>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Recycling</source>
        <translation>回收</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>Centre administration</source>
        <translation>考点管理</translation>
    </message>
    <message>
        <source>This PC is not set up as a kiosk yet · data folder {folder}</source>
        <translation>本机尚未设置为考试机 · 数据文件夹 {folder}</translation>
    </message>
    <message>
        <source>{centre} · kiosk {kiosk} ({kiosk_id}) · data folder {folder}</source>
        <translation>{centre} · 考试机 {kiosk}（{kiosk_id}）· 数据文件夹 {folder}</translation>
    </message>
    <message>
        <source>Results registry</source>
        <translation>成绩登记中心</translation>
    </message>
    <message>
        <source>Registry folder {folder} · database {database}</source>
        <translation>登记中心文件夹 {folder} · 数据库 {database}</translation>
    </message>
    <message>
        <source>1+X administrator console</source>
        <translation>1+X 管理控制台</translation>
    </message>
    <message>
        <source>Switch the console's language</source>
        <translation>切换控制台语言</translation>
    </message>
    <message>
        <source>Work is still running</source>
        <translation>仍有工作在进行</translation>
    </message>
    <message>
        <source>Wait until the current work has finished, then close the console.</source>
        <translation>请等当前工作完成后再关闭控制台。</translation>
    </message>
</context>
</TS>
