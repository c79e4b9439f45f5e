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
        <source>This is not a check code: a check code is 16 letters and digits in four groups, such as 7KQ4-M2XD-9PHA-3RTW.</source>
        <translation>这不是核验码：核验码由 16 个字母和数字组成，分为四组，例如 7KQ4-M2XD-9PHA-3RTW。</translation>
    </message>
    <message>
        <source>No slip or certificate printed by this registry carries the check code {code}; check each character against the paper.</source>
        <translation>本登记中心打印的成绩单或证书中没有核验码 {code}；请对照纸面逐个字符核对。</translation>
    </message>
    <message>
        <source>The check code {code} was printed for attempt {attempt}, but that result has changed or been withdrawn since; the paper no longer stands.</source>
        <translation>核验码 {code} 是为答卷 {attempt} 打印的，但该成绩此后已被更改或撤销；这份纸质文件已不再有效。</translation>
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
    <message>
        <source>The request carries no kiosk signature; this registry answers only the kiosks it has enrolled.</source>
        <translation>该请求没有考试机签名；本登记中心只响应已注册的考试机。</translation>
    </message>
    <message>
        <source>The request's {header} header is not in the form this registry expects; the kiosk may run another version of the program.</source>
        <translation>该请求的 {header} 标头格式不是本登记中心所要求的；考试机可能运行的是其他版本的程序。</translation>
    </message>
    <message>
        <source>The request's signature does not match the key enrolled for kiosk {kiosk_id}; if the kiosk was reinstalled, enrol it again.</source>
        <translation>该请求的签名与考试机 {kiosk_id} 注册的密钥不符；如果该考试机重新安装过，请重新注册。</translation>
    </message>
    <message>
        <source>Kiosk {kiosk_id} is not enrolled at this registry, so its request was refused; the registry administrator must enrol it first.</source>
        <translation>考试机 {kiosk_id} 未在本登记中心注册，因此其请求被拒绝；登记中心管理员必须先为其注册。</translation>
    </message>
    <message>
        <source>The request has no Content-Digest header, which this registry requires.</source>
        <translation>该请求缺少本登记中心要求的 Content-Digest 标头。</translation>
    </message>
    <message>
        <source>Kiosk {kiosk_id} signed this request at {created} but the registry's time is {now}, more than {window} seconds apart; set the kiosk's clock right.</source>
        <translation>考试机 {kiosk_id} 于 {created} 签署此请求，而登记中心的时间为 {now}，相差超过 {window} 秒；请校正考试机的时钟。</translation>
    </message>
    <message>
        <source>This signed request from kiosk {kiosk_id} was already received once; a copy of a request is never accepted.</source>
        <translation>来自考试机 {kiosk_id} 的这个已签名请求已经收到过一次；请求的副本一律不予接受。</translation>
    </message>
    <message>
        <source>The upload is larger than the {limit} bytes this registry accepts.</source>
        <translation>上传内容超过本登记中心接受的 {limit} 字节。</translation>
    </message>
    <message>
        <source>The upload does not match its Content-Digest: it was changed or cut short on the way. Nothing was kept; send it again.</source>
        <translation>上传内容与其 Content-Digest 不符：在传输途中被改动或被截断。没有保留任何内容；请重新发送。</translation>
    </message>
    <message>
        <source>The upload was sent as bundle {bundle_id} but is bundle {found}; nothing was kept.</source>
        <translation>上传内容以结果包 {bundle_id} 的名义发送，但实际是结果包 {found}；没有保留任何内容。</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} is from kiosk {owner}, but kiosk {kiosk_id} sent it; a kiosk may only send its own bundles.</source>
        <translation>结果包 {bundle_id} 来自考试机 {owner}，却由考试机 {kiosk_id} 发送；考试机只能发送自己的结果包。</translation>
    </message>
    <message>
        <source>The registry holds no bundle {bundle_id} from this kiosk.</source>
        <translation>登记中心没有来自本考试机的结果包 {bundle_id}。</translation>
    </message>
    <message>
        <source>The registry offers no bank package named {name}.</source>
        <translation>登记中心没有提供名为 {name} 的题库包。</translation>
    </message>
    <message>
        <source>The registry's certificate {path} cannot be read; restore it from a backup, or remove it and its key to make a new one (every kiosk then needs a new link file).</source>
        <translation>无法读取登记中心的证书 {path}；请从备份恢复，或删除它及其密钥以生成新证书（之后每台考试机都需要新的连接文件）。</translation>
    </message>
    <message>
        <source>The registry's certificate folder {folder} lacks {missing}; restore it from a backup, or remove the other file there to make a new certificate (every kiosk then needs a new link file).</source>
        <translation>登记中心的证书文件夹 {folder} 缺少 {missing}；请从备份恢复，或删除其中另一个文件以生成新证书（之后每台考试机都需要新的连接文件）。</translation>
    </message>
    <message>
        <source>{url} is not an address kiosks can use: give https:// and a host name or IP address, with a port if needed, as in https://10.0.0.5:8443.</source>
        <translation>{url} 不是考试机可以使用的地址：请给出 https:// 加主机名或 IP 地址，必要时加端口，例如 https://10.0.0.5:8443。</translation>
    </message>
    <message>
        <source>The file {path} is not a readable result bundle (a number too long to read, text no database can keep, or nesting too deep); it is kept in quarantine.</source>
        <translation>文件 {path} 不是可读的成绩包（其中有过长而无法读取的数字、数据库无法保存的文本，或嵌套过深）；已将其保存在隔离区。</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} names the centre '{named}', but kiosk {kiosk_id} was enrolled for '{enrolled}'; its results are filed under '{enrolled}'.</source>
        <translation>成绩包 {bundle_id} 写明的考点是“{named}”，但考试机 {kiosk_id} 注册的考点是“{enrolled}”；其成绩归入“{enrolled}”。</translation>
    </message>
    <message>
        <source>Bundle {bundle_id}: new attempts on bank {bank} version {version}: {count}. The registry does not hold that bank version yet, so they are kept but not filed as results until it is added and they are rescored.</source>
        <translation>成绩包 {bundle_id}：使用题库 {bank} 第 {version} 版的新答卷：{count} 份。登记中心尚未保存该题库版本，因此这些答卷已保存，但在添加该版本并重新评分之前不作为成绩归档。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is a second result for candidate {candidate} on bank {bank} on {day} (the other is {other}); neither is printed until an administrator decides which to keep.</source>
        <translation>答卷 {attempt} 是考生 {candidate} 在 {day} 使用题库 {bank} 的第二份成绩（另一份是 {other}）；在管理员决定保留哪一份之前，两份都不会打印。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is not filed as a result: the kiosk gives it {kiosk} %, but the registry's rescoring of its answers gives {registry} %. It is kept aside for a person to check.</source>
        <translation>答卷 {attempt} 未作为成绩归档：考试机给出的成绩是 {kiosk}%，但登记中心根据其作答重新评分的结果是 {registry}%。该答卷已另行存放，待人工核查。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is not filed as a result: its {field} is {kiosk} on the kiosk but {registry} in the registry's rescoring of its answers (which gives {mark} %). It is kept aside for a person to check.</source>
        <translation>答卷 {attempt} 未作为成绩归档：其 {field} 在考试机上为 {kiosk}，而登记中心根据其作答重新评分为 {registry}（重新评分的成绩为 {mark}%）。该答卷已另行存放，待人工核查。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is not filed as a result: it claims certificate {certificate} grade {grade}, but bank {bank} version {version} is for another. It is kept aside for a person to check.</source>
        <translation>答卷 {attempt} 未作为成绩归档：它声称是证书 {certificate} 第 {grade} 级，但题库 {bank} 第 {version} 版属于其他证书。该答卷已另行存放，待人工核查。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is not filed as a result: its answer journal does not check out (an entry was changed, removed or reordered). It is kept aside for a person to check.</source>
        <translation>答卷 {attempt} 未作为成绩归档：其作答日志校验不通过（有条目被修改、删除或调换了顺序）。该答卷已另行存放，待人工核查。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is not filed as a result: the submission code it was sent with ({sent}) is not the one its answer journal gives ({recomputed}), so its answers are not those the candidate submitted. It is kept aside for a person to check.</source>
        <translation>答卷 {attempt} 未作为成绩归档：随答卷发送的提交码（{sent}）与其作答日志得出的提交码（{recomputed}）不一致，因此其作答并非考生提交的作答。该答卷已另行存放，待人工核查。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is not filed as a result: its answer to item {item} is not the last one its answer journal records. It is kept aside for a person to check.</source>
        <translation>答卷 {attempt} 未作为成绩归档：其对试题 {item} 的作答不是作答日志记录的最后一次作答。该答卷已另行存放，待人工核查。</translation>
    </message>
    <message>
        <source>Attempt {attempt} cannot be rescored: its form holds item {item}, which bank {bank} version {version} does not have.</source>
        <translation>无法为答卷 {attempt} 重新评分：其试卷包含试题 {item}，而题库 {bank} 第 {version} 版中没有这道题。</translation>
    </message>
    <message>
        <source>Attempt {attempt} cannot be rescored: its answer to item {item} does not fit that item in the registry's copy of the bank.</source>
        <translation>无法为答卷 {attempt} 重新评分：其对试题 {item} 的作答与登记中心所存题库中的该题不符。</translation>
    </message>
    <message>
        <source>The registry already holds bank {bank} version {version} (from {held_source}), and {source} holds other content under the same version; the copy held is kept, since a bank version never changes once results are scored with it.</source>
        <translation>登记中心已保存题库 {bank} 第 {version} 版（来自 {held_source}），而 {source} 在同一版本号下的内容不同；仍保留已保存的副本，因为题库版本一旦用于评分就不得更改。</translation>
    </message>
    <message>
        <source>The registry's copy of bank {bank} version {version} no longer matches its recorded digest, so it is not used; restore the registry database from a backup.</source>
        <translation>登记中心保存的题库 {bank} 第 {version} 版与其记录的摘要不再一致，因此不会使用；请从备份中恢复登记数据库。</translation>
    </message>
    <message>
        <source>Say who decides: a name of 1 to {limit} characters.</source>
        <translation>请说明由谁决定：姓名长度为 1 到 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Say why: a reason of 1 to {limit} characters.</source>
        <translation>请说明原因：原因长度为 1 到 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Attempt {attempt} was kept aside because its marks or answer journal did not check out, so it cannot be kept as a result; it can only be voided.</source>
        <translation>答卷 {attempt} 因其分数或作答日志校验不通过而被另行存放，因此不能作为成绩保留，只能作废。</translation>
    </message>
    <message>
        <source>The result(s) of attempt(s) {attempts} cannot be printed now: each is not rescored yet, kept aside by rescoring, voided, or one of two results awaiting a decision.</source>
        <translation>答卷 {attempts} 的成绩现在无法打印：它们或尚未重新评分，或已被重新评分另行存放，或已作废，或是同一考生的两份成绩之一、正等待决定。</translation>
    </message>
    <message>
        <source>The result(s) of attempt(s) {attempts} and {more} more cannot be printed now: each is not rescored yet, kept aside by rescoring, voided, or one of two results awaiting a decision.</source>
        <translation>答卷 {attempts} 及另外 {more} 份答卷的成绩现在无法打印：它们或尚未重新评分，或已被重新评分另行存放，或已作废，或是同一考生的两份成绩之一、正等待决定。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is not rescored yet: the registry does not hold bank {bank} version {version}.</source>
        <translation>答卷 {attempt} 尚未重新评分：登记中心没有保存题库 {bank} 第 {version} 版。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is one of several results for candidate {candidate} on bank {bank} on {day} (also {others}); it prints once an administrator keeps it or voids the others.</source>
        <translation>答卷 {attempt} 是考生 {candidate} 在 {day} 使用题库 {bank} 的多份成绩之一（另有 {others}）；管理员保留它或作废其他成绩后才会打印。</translation>
    </message>
    <message>
        <source>Attempt {attempt} was voided by {by} ({why}).</source>
        <translation>答卷 {attempt} 已由 {by} 作废（{why}）。</translation>
    </message>
    <message>
        <source>Attempt {attempt} was kept aside by rescoring; it is not filed as a result.</source>
        <translation>答卷 {attempt} 已被重新评分另行存放，不作为成绩归档。</translation>
    </message>
</context>
</TS>
