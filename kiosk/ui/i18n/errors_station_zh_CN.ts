<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The centre name is empty; give one, for example 'CZVTC Lusaka'.</source>
        <translation>考点名称为空；请填写，例如“CZVTC Lusaka”。</translation>
    </message>
    <message>
        <source>The centre name is longer than {max_length} characters; shorten it.</source>
        <translation>考点名称超过 {max_length} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>The kiosk name is empty; give one, for example 'Lab 2 PC 14'.</source>
        <translation>考试机名称为空；请填写，例如“Lab 2 PC 14”。</translation>
    </message>
    <message>
        <source>The kiosk name is longer than {max_length} characters; shorten it.</source>
        <translation>考试机名称超过 {max_length} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>The backup passphrase must be at least {minimum} characters long: it is all that protects the kiosk's signing key on the backup.</source>
        <translation>备份口令至少需要 {minimum} 个字符：备份中考试终端的签名密钥全靠它保护。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; choose where to write the backup.</source>
        <translation>文件夹 {folder} 不存在；请选择备份的保存位置。</translation>
    </message>
    <message>
        <source>A backup {folder} is there already; nothing was written.</source>
        <translation>备份 {folder} 已经存在；未写入任何内容。</translation>
    </message>
    <message>
        <source>The folder {folder} is not a kiosk backup: it must hold kiosk.db and the sealed identity.</source>
        <translation>文件夹 {folder} 不是考试终端备份：其中必须有 kiosk.db 和加密保存的身份密钥。</translation>
    </message>
    <message>
        <source>This PC is already kiosk {kiosk_id}; restore a backup only onto a PC that is not set up yet.</source>
        <translation>这台电脑已经是考试终端 {kiosk_id}；只能把备份恢复到尚未设置的电脑上。</translation>
    </message>
    <message>
        <source>This PC is already set up as kiosk {kiosk_id} ('{kiosk_name}' at {centre}); its identity cannot change.</source>
        <translation>本电脑已设置为考试机 {kiosk_id}（{centre} 的“{kiosk_name}”），其身份不能更改。</translation>
    </message>
    <message>
        <source>This PC is not set up as a kiosk yet.</source>
        <translation>本电脑尚未设置为考试机。</translation>
    </message>
    <message>
        <source>The kiosk data folder {folder} cannot be created ({reason}); choose another.</source>
        <translation>无法创建考试机数据文件夹 {folder}（{reason}）；请换一个文件夹。</translation>
    </message>
    <message>
        <source>The kiosk data folder {folder} cannot be made private to this account: {path} refused ({reason}). Make this account the owner of the folder and everything in it, or choose another folder.</source>
        <translation>无法将考试机数据文件夹 {folder} 设为仅本账户可访问：{path} 拒绝了更改（{reason}）。请让本账户成为该文件夹及其中所有内容的所有者，或换一个文件夹。</translation>
    </message>
    <message>
        <source>The kiosk store {path} cannot be made private to this account ({reason}); make this account its owner or choose another data folder.</source>
        <translation>无法将考试机数据库 {path} 设为仅本账户可访问（{reason}）；请让本账户成为它的所有者，或换一个数据文件夹。</translation>
    </message>
    <message>
        <source>The folder {folder} for the kiosk store does not exist.</source>
        <translation>考试机数据库所在的文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The kiosk store at {path} is damaged ({detail}). Do not run exams on this PC: copy the data folder for the administrator and restore the store from the last backup.</source>
        <translation>位于 {path} 的考试机数据库已损坏（{detail}）。请勿在本电脑上考试：为管理员复制数据文件夹，并用最近的备份恢复数据库。</translation>
    </message>
    <message>
        <source>The kiosk store at {path} is busy (another kiosk program may be using it); close that program and try again.</source>
        <translation>位于 {path} 的考试机数据库正被占用（可能有另一个考试机程序在使用）；请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>The disk holding the kiosk store at {path} is full; free some space and try again.</source>
        <translation>存放考试机数据库 {path} 的磁盘已满；请清理出空间后重试。</translation>
    </message>
    <message>
        <source>The kiosk store at {path} cannot be written; check the folder's permissions.</source>
        <translation>无法写入位于 {path} 的考试机数据库；请检查文件夹权限。</translation>
    </message>
    <message>
        <source>The kiosk store at {path} refused the change ({detail}).</source>
        <translation>位于 {path} 的考试机数据库拒绝了这次修改（{detail}）。</translation>
    </message>
    <message>
        <source>The kiosk store at {path} was written by a newer kiosk program (schema version {found}; this program knows up to {known}); install the newer program.</source>
        <translation>位于 {path} 的考试机数据库由更新版本的考试机程序写入（数据版本 {found}；本程序最高支持 {known}）；请安装新版程序。</translation>
    </message>
    <message>
        <source>The file {path} holds a database that is not a kiosk store; move it away or choose another data folder.</source>
        <translation>文件 {path} 中的数据库不是考试机数据库；请将其移走，或换一个数据文件夹。</translation>
    </message>
    <message>
        <source>The kiosk store is not an SQLite database; answers cannot be saved to it.</source>
        <translation>考试机数据库不是 SQLite 数据库，无法保存答案。</translation>
    </message>
    <message>
        <source>Attempt {attempt} is not in the kiosk store; the answer was not saved.</source>
        <translation>考试机数据库中没有答卷 {attempt}；这个答案没有保存。</translation>
    </message>
    <message>
        <source>A stored form is damaged ({detail}); restore the store from a backup.</source>
        <translation>保存的试卷已损坏（{detail}）；请用备份恢复数据库。</translation>
    </message>
    <message>
        <source>A stored form is damaged (it is not a JSON object); restore the store from a backup.</source>
        <translation>保存的试卷已损坏（不是 JSON 对象）；请用备份恢复数据库。</translation>
    </message>
    <message>
        <source>The backup file {path} already exists; choose another name or folder.</source>
        <translation>备份文件 {path} 已存在；请换一个文件名或文件夹。</translation>
    </message>
    <message>
        <source>The backup folder {folder} does not exist; create it or choose another.</source>
        <translation>备份文件夹 {folder} 不存在；请先创建，或换一个文件夹。</translation>
    </message>
    <message>
        <source>The backup written to {path} did not read back correctly ({detail}).</source>
        <translation>写入 {path} 的备份回读校验失败（{detail}）。</translation>
    </message>
    <message>
        <source>The disk is full, so the backup {path} was not written; free some space or choose another place.</source>
        <translation>磁盘已满，备份 {path} 没有写入；请清理出空间，或换一个位置。</translation>
    </message>
    <message>
        <source>The backup could not be written to {path} ({reason}).</source>
        <translation>备份无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The kiosk store is not an SQLite database, so it cannot be backed up.</source>
        <translation>考试机数据库不是 SQLite 数据库，无法备份。</translation>
    </message>
    <message>
        <source>The backup could not be made ({detail}).</source>
        <translation>无法完成备份（{detail}）。</translation>
    </message>
    <message>
        <source>The key in {path} belongs to a {kind}, not an awarding body or registry; a kiosk only trusts those.</source>
        <translation>{path} 中的密钥类型是 {kind}，不是评价组织或登记中心的密钥；考试机只信任这两类密钥。</translation>
    </message>
    <message>
        <source>No awarding-body key is trusted on this kiosk yet; add one first.</source>
        <translation>本考试机还没有信任任何评价组织的密钥；请先添加一个。</translation>
    </message>
    <message>
        <source>The bank package copied to {path} does not read back the same; check the disk and try again.</source>
        <translation>复制到 {path} 的题库包回读结果不一致；请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The bank package copied to {path} cannot be read back ({reason}); check the disk and try again.</source>
        <translation>复制到 {path} 的题库包无法回读（{reason}）；请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>Bank {bank} version {version} is already installed on this kiosk.</source>
        <translation>题库 {bank} 第 {version} 版已经安装在本考试机上。</translation>
    </message>
    <message>
        <source>Bank {bank} version {version} is older than the installed version {installed}; kiosks only accept newer versions.</source>
        <translation>题库 {bank} 第 {version} 版比已安装的第 {installed} 版旧；考试机只接受更新的版本。</translation>
    </message>
    <message>
        <source>Bank {bank} version {version} is not installed on this kiosk; install its package.</source>
        <translation>本考试机没有安装题库 {bank} 第 {version} 版；请安装它的题库包。</translation>
    </message>
    <message>
        <source>The installed package {path} cannot be read ({reason}); install the package again.</source>
        <translation>无法读取已安装的题库包 {path}（{reason}）；请重新安装该题库包。</translation>
    </message>
    <message>
        <source>The installed package {path} has changed since it was installed; install it again.</source>
        <translation>已安装的题库包 {path} 在安装后被改动过；请重新安装。</translation>
    </message>
    <message>
        <source>The invigilator's name is empty; give the name colleagues know them by.</source>
        <translation>监考员姓名为空；请填写同事们熟悉的称呼。</translation>
    </message>
    <message>
        <source>The invigilator's name is longer than {max_length} characters; shorten it.</source>
        <translation>监考员姓名超过 {max_length} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>A PIN must be {min_digits} to {max_digits} digits; leave it out to have one generated.</source>
        <translation>PIN 码必须是 {min_digits} 到 {max_digits} 位数字；不填则自动生成。</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated is among the first anyone would guess; choose one without a pattern, or leave it out to have one generated.</source>
        <translation>同一个数字重复组成的 PIN 码最容易被猜中；请选一个没有规律的 PIN 码，或不填以自动生成。</translation>
    </message>
    <message>
        <source>A PIN of digits in a run (such as 123456 or 987654) is among the first anyone would guess; choose one without a pattern, or leave it out to have one generated.</source>
        <translation>连续数字组成的 PIN 码（如 123456 或 987654）最容易被猜中；请选一个没有规律的 PIN 码，或不填以自动生成。</translation>
    </message>
    <message>
        <source>That PIN follows a well-known pattern (a repeated group, the same read backwards, or a favourite of leaked PIN lists); choose another, or leave it out to have one generated.</source>
        <translation>该 PIN 码符合常见规律（重复的一组数字、正读反读相同，或泄露 PIN 码列表中的常用码）；请另选一个，或不填以自动生成。</translation>
    </message>
    <message>
        <source>An invigilator named '{name}' already exists.</source>
        <translation>已经有名为“{name}”的监考员。</translation>
    </message>
    <message>
        <source>There is no invigilator named '{name}'; check the spelling.</source>
        <translation>没有名为“{name}”的监考员；请检查拼写。</translation>
    </message>
    <message>
        <source>No invigilator account is active on this kiosk; the administrator must add one.</source>
        <translation>本考试机上没有可用的监考员账号；需要管理员先添加一个。</translation>
    </message>
    <message>
        <source>That invigilator PIN is not correct. {tries} more wrong tries will lock entry for {minutes} minutes.</source>
        <translation>监考老师 PIN 码不正确。再错 {tries} 次将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>That invigilator PIN is not correct. 1 more wrong try will lock entry for {minutes} minutes.</source>
        <translation>监考老师 PIN 码不正确。再错 1 次将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>That invigilator PIN is not correct. Entry is now locked for up to {minutes} minutes.</source>
        <translation>监考老师 PIN 码不正确。现已锁定，最长 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait {minutes} minutes before trying again.</source>
        <translation>PIN 码错误次数太多：请等 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait 1 minute before trying again.</source>
        <translation>PIN 码错误次数太多：请等 1 分钟后再试。</translation>
    </message>
    <message>
        <source>The sitting needs a name, for example 'Maintenance II theory, morning'.</source>
        <translation>场次需要一个名称，例如“运维 II 级理论（上午）”。</translation>
    </message>
    <message>
        <source>The sitting name is longer than {max_length} characters; shorten it.</source>
        <translation>场次名称超过 {max_length} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>Bank {bank} is not installed on this kiosk; install its package first.</source>
        <translation>本考试机没有安装题库 {bank}；请先安装它的题库包。</translation>
    </message>
    <message>
        <source>There is no sitting {sitting} on this kiosk.</source>
        <translation>本考试机上没有场次 {sitting}。</translation>
    </message>
    <message>
        <source>Sitting {sitting} ('{name}') is closed; it cannot be opened again.</source>
        <translation>场次 {sitting}（“{name}”）已结束，不能再次开启。</translation>
    </message>
    <message>
        <source>The installed package holds bank {bank}, but sitting {sitting} is for {sitting_bank}.</source>
        <translation>已安装的题库包是题库 {bank}，但场次 {sitting} 用的是 {sitting_bank}。</translation>
    </message>
    <message>
        <source>Attempts {attempts} are still running; the candidates must submit (or be paused) before the sitting can close.</source>
        <translation>答卷 {attempts} 仍在作答中；考生交卷（或被暂停）后才能结束本场考试。</translation>
    </message>
    <message>
        <source>Sitting '{name}' is scheduled, not open; ask the invigilator.</source>
        <translation>考场“{name}”还没有开启；请联系监考老师。</translation>
    </message>
    <message>
        <source>Sitting '{name}' is closed, not open; ask the invigilator.</source>
        <translation>考场“{name}”已经结束；请联系监考老师。</translation>
    </message>
    <message>
        <source>The release code is not correct for this bank package. {tries} more wrong tries will lock entry for {minutes} minutes.</source>
        <translation>开考码不正确。再错 {tries} 次将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>The release code is not correct for this bank package. 1 more wrong try will lock entry for {minutes} minutes.</source>
        <translation>开考码不正确。再错 1 次将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>The release code is not correct for this bank package. Entry is now locked for up to {minutes} minutes.</source>
        <translation>开考码不正确。现已锁定，最长 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Too many wrong release codes: wait {minutes} minutes before trying again.</source>
        <translation>开考码错误次数太多：请等 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>Too many wrong release codes: wait 1 minute before trying again.</source>
        <translation>开考码错误次数太多：请等 1 分钟后再试。</translation>
    </message>
    <message>
        <source>Type your candidate number.</source>
        <translation>请输入准考证号。</translation>
    </message>
    <message>
        <source>That candidate number and access code do not match; check both with the invigilator. {tries} more wrong tries will lock entry for {minutes} minutes.</source>
        <translation>准考证号和登录码不匹配，请找监考老师核对。再错 {tries} 次将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>That candidate number and access code do not match; check both with the invigilator. 1 more wrong try will lock entry for {minutes} minutes.</source>
        <translation>准考证号和登录码不匹配，请找监考老师核对。再错 1 次将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>That candidate number and access code do not match; check both with the invigilator. Entry is now locked for up to {minutes} minutes.</source>
        <translation>准考证号和登录码不匹配，请找监考老师核对。现已锁定，最长 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Too many wrong access codes for candidate {number}: wait {minutes} minutes before trying again.</source>
        <translation>考生 {number} 的登录码错误次数太多：请等 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>Too many wrong access codes for candidate {number}: wait 1 minute before trying again.</source>
        <translation>考生 {number} 的登录码错误次数太多：请等 1 分钟后再试。</translation>
    </message>
    <message>
        <source>Too many failed log-ins on this kiosk: wait {minutes} minutes before trying again.</source>
        <translation>本考试机登录失败次数太多：请等 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>Too many failed log-ins on this kiosk: wait 1 minute before trying again.</source>
        <translation>本考试机登录失败次数太多：请等 1 分钟后再试。</translation>
    </message>
    <message>
        <source>Candidate {number} is entered for the {certificate} certificate, grade {grade}, but this sitting is for the {sitting_certificate} certificate, grade {sitting_grade}; ask the invigilator.</source>
        <translation>考生 {number} 报考的是 {certificate} 证书 {grade} 级，但本场考试是 {sitting_certificate} 证书 {sitting_grade} 级；请联系监考老师。</translation>
    </message>
    <message>
        <source>Candidate {number} has already submitted this exam; it cannot be taken again.</source>
        <translation>考生 {number} 已经交卷，不能再次参加本场考试。</translation>
    </message>
    <message>
        <source>Candidate {number}'s exam was interrupted; an invigilator must authorise resuming it.</source>
        <translation>考生 {number} 的考试被中断过；需要监考老师批准后才能继续。</translation>
    </message>
    <message>
        <source>There is no attempt {attempt} on this kiosk.</source>
        <translation>本考试机上没有答卷 {attempt}。</translation>
    </message>
    <message>
        <source>Attempt {attempt} belongs to another sitting; open that sitting to resume it.</source>
        <translation>答卷 {attempt} 属于另一个考场；请开启那个考场后再继续。</translation>
    </message>
    <message>
        <source>Attempt {attempt} was drawn from bank {bank} version {version}, but the open sitting has version {sitting_version}; open the sitting it belongs to.</source>
        <translation>答卷 {attempt} 抽自题库 {bank} 第 {version} 版，但当前开启的考场用的是第 {sitting_version} 版；请开启它所属的考场。</translation>
    </message>
    <message>
        <source>The form of attempt {attempt} cannot be rebuilt from its bank and seed; the stored copy was changed. Tell the administrator and do not continue this attempt.</source>
        <translation>答卷 {attempt} 的试卷无法由题库和随机种子重新生成，保存的副本已被改动。请告诉管理员，不要继续这份答卷。</translation>
    </message>
    <message>
        <source>The answer journal of attempt {attempt} failed its check; tell the administrator and do not continue this attempt.</source>
        <translation>答卷 {attempt} 的答题记录没有通过校验；请告诉管理员，不要继续这份答卷。</translation>
    </message>
    <message>
        <source>The candidate of attempt {attempt} is missing from the store.</source>
        <translation>数据库中找不到答卷 {attempt} 的考生。</translation>
    </message>
    <message>
        <source>Item {item} is not on this candidate's form.</source>
        <translation>试题 {item} 不在这位考生的试卷上。</translation>
    </message>
    <message>
        <source>Extra time must be more than 0 and at most {max_minutes} minutes, not {minutes}.</source>
        <translation>延长时间必须大于 0 且不超过 {max_minutes} 分钟，不能是 {minutes}。</translation>
    </message>
    <message>
        <source>Give a reason for the extra time; it goes into the sitting's record.</source>
        <translation>请填写延长时间的原因；它会记入考场记录。</translation>
    </message>
    <message>
        <source>Describe the incident in a sentence or two; it goes into the sitting's record.</source>
        <translation>请用一两句话描述考场情况；它会记入考场记录。</translation>
    </message>
    <message>
        <source>The description is longer than {max_length} characters; shorten it.</source>
        <translation>描述超过 {max_length} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>'{category}' is not an incident category; use one of {choices}.</source>
        <translation>“{category}”不是考场情况类别；请用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>The roster file {path} does not exist.</source>
        <translation>名单文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The roster file {path} cannot be read ({reason}).</source>
        <translation>无法读取名单文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The roster {path} is neither UTF-8 nor Windows-1252 text (byte {byte}); save it from the spreadsheet as 'CSV UTF-8'.</source>
        <translation>名单 {path} 既不是 UTF-8 也不是 Windows-1252 文本（第 {byte} 个字节）；请在电子表格中另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>The roster {path} is empty; export the candidate list from the spreadsheet again.</source>
        <translation>名单 {path} 是空的；请从电子表格重新导出考生名单。</translation>
    </message>
    <message>
        <source>The roster {path} has {count} problems and nothing was imported.</source>
        <translation>名单 {path} 有 {count} 处问题，没有导入任何考生。</translation>
    </message>
    <message>
        <source>The roster {path} has 1 problem and nothing was imported.</source>
        <translation>名单 {path} 有 1 处问题，没有导入任何考生。</translation>
    </message>
    <message>
        <source>Candidates {numbers} were added while the roster was being imported; nothing was imported, run the import again.</source>
        <translation>导入名单期间又添加了考生 {numbers}；没有导入任何考生，请重新导入。</translation>
    </message>
    <message>
        <source>Column '{heading}' is not a roster column and was ignored.</source>
        <translation>“{heading}”列不是名单列，已忽略。</translation>
    </message>
    <message>
        <source>Row {row}, rows: the file has a heading row but no candidates; add their rows.</source>
        <translation>第 {row} 行，考生行：文件有标题行，但没有考生；请添加考生行。</translation>
    </message>
    <message>
        <source>Row {row}, heading: column '{heading}' repeats column {first}; keep only one of them.</source>
        <translation>第 {row} 行，标题：“{heading}”列与第 {first} 列重复；只保留其中一列。</translation>
    </message>
    <message>
        <source>Row {row}, heading: there is no '{heading}' column; add one to the heading row.</source>
        <translation>第 {row} 行，标题：缺少“{heading}”列；请在标题行中添加。</translation>
    </message>
    <message>
        <source>Row {row}, candidate number: it is empty; give every candidate their number.</source>
        <translation>第 {row} 行，考生号：为空；请给每位考生填写考生号。</translation>
    </message>
    <message>
        <source>Row {row}, candidate number: '{value}' is not a candidate number; use up to {max_length} letters, digits, '-' or '/'.</source>
        <translation>第 {row} 行，考生号：“{value}”不是有效的考生号；最多 {max_length} 个字母、数字、“-”或“/”。</translation>
    </message>
    <message>
        <source>Row {row}, candidate number: {number} also appears on row {first_row}; list each candidate once.</source>
        <translation>第 {row} 行，考生号：{number} 在第 {first_row} 行也出现过；每位考生只列一次。</translation>
    </message>
    <message>
        <source>Row {row}, candidate number: {number} is already on this kiosk's roster; remove the row.</source>
        <translation>第 {row} 行，考生号：{number} 已在本考试机的名单中；请删除这一行。</translation>
    </message>
    <message>
        <source>Row {row}, name: it is empty; give the candidate's full name.</source>
        <translation>第 {row} 行，姓名：为空；请填写考生全名。</translation>
    </message>
    <message>
        <source>Row {row}, name: it is longer than {max_length} characters; shorten it.</source>
        <translation>第 {row} 行，姓名：超过 {max_length} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>Row {row}, chinese name: it is longer than {max_length} characters; shorten it.</source>
        <translation>第 {row} 行，中文姓名：超过 {max_length} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>Row {row}, certificate: it is empty; write one of {choices}.</source>
        <translation>第 {row} 行，证书：为空；请填写以下之一：{choices}。</translation>
    </message>
    <message>
        <source>Row {row}, certificate: '{value}' is not a certificate; write one of {choices}.</source>
        <translation>第 {row} 行，证书：“{value}”不是有效的证书；请填写以下之一：{choices}。</translation>
    </message>
    <message>
        <source>Row {row}, grade: it is empty; write 1, 2 or 3 (or I, II, III).</source>
        <translation>第 {row} 行，等级：为空；请填写 1、2 或 3（或 I、II、III）。</translation>
    </message>
    <message>
        <source>Row {row}, grade: '{value}' is not a grade; write 1, 2 or 3 (or I, II, III).</source>
        <translation>第 {row} 行，等级：“{value}”不是有效的等级；请填写 1、2 或 3（或 I、II、III）。</translation>
    </message>
    <message>
        <source>Row {row}, extra time: '{value}' is not an extra-time factor; write for example 1.25 or 25%, or leave it empty.</source>
        <translation>第 {row} 行，延时：“{value}”不是有效的延时系数；请填写如 1.25 或 25%，或留空。</translation>
    </message>
    <message>
        <source>Row {row}, extra time: '{value}' is outside 1.0 (no extra time) to {max_factor} (triple time); write for example 1.25 or 25%.</source>
        <translation>第 {row} 行，延时：“{value}”超出 1.0（不延时）到 {max_factor}（三倍时间）的范围；请填写如 1.25 或 25%。</translation>
    </message>
    <message>
        <source>Row {row}, extra time: '{value}' is outside 1.0 (no extra time) to {max_factor} (triple time) (did you mean {value}%?); write for example 1.25 or 25%.</source>
        <translation>第 {row} 行，延时：“{value}”超出 1.0（不延时）到 {max_factor}（三倍时间）的范围（是不是想写 {value}%？）；请填写如 1.25 或 25%。</translation>
    </message>
    <message>
        <source>Row {row}, notes: they are longer than {max_length} characters; shorten them.</source>
        <translation>第 {row} 行，备注：超过 {max_length} 个字符；请缩短。</translation>
    </message>
    <message>
        <source>There is no candidate {number} on this kiosk's roster; check the number.</source>
        <translation>本考试机的名单中没有考生 {number}；请核对考生号。</translation>
    </message>
    <message>
        <source>An extra-time factor must be between 1.0 (no extra time) and {max_factor}, not {factor}; for a quarter more time write 1.25.</source>
        <translation>延时系数必须在 1.0（不延时）到 {max_factor} 之间，不能是 {factor}；如需多四分之一的时间，请填写 1.25。</translation>
    </message>
    <message>
        <source>The key file {path} holds a {kind} key, not the registry's key.</source>
        <translation>密钥文件 {path} 中是 {kind} 密钥，不是登记中心的密钥。</translation>
    </message>
    <message>
        <source>This kiosk has no registry key: copy the registry's public key to {path}.</source>
        <translation>本考试机没有登记中心的密钥：请把登记中心的公钥复制到 {path}。</translation>
    </message>
    <message>
        <source>This kiosk trusts several registry keys ({keys}); choose the one to export to.</source>
        <translation>本考试机信任多个登记中心密钥（{keys}）；请选择要导出给哪一个。</translation>
    </message>
    <message>
        <source>The export folder {folder} does not exist; insert the USB stick or create it.</source>
        <translation>导出文件夹 {folder} 不存在；请插入 U 盘或创建该文件夹。</translation>
    </message>
    <message>
        <source>No results were exported because this kiosk's records fail their check (problems found: {count}); call the administrator.</source>
        <translation>本考试机的记录没有通过校验（发现问题：{count} 处），没有导出任何成绩；请联系管理员。</translation>
    </message>
    <message>
        <source>There are no finished attempts waiting to be exported; nothing was written.</source>
        <translation>没有等待导出的已结束答卷；没有写入任何文件。</translation>
    </message>
    <message>
        <source>A file named {file} is already in {folder}; this kiosk may have been restored from a backup. Move that file away (do not delete it) and export again.</source>
        <translation>{folder} 中已有名为 {file} 的文件；本考试机可能是从备份恢复的。请把该文件移走（不要删除）后重新导出。</translation>
    </message>
    <message>
        <source>The bundle written to {path} could not be read back ({reason}); check the USB stick and export again.</source>
        <translation>写入 {path} 的成绩包无法回读（{reason}）；请检查 U 盘后重新导出。</translation>
    </message>
    <message>
        <source>The bundle written to {path} did not read back the same; the USB stick may be failing. Use another stick and export again.</source>
        <translation>写入 {path} 的成绩包回读结果不一致，U 盘可能有故障。请换一个 U 盘重新导出。</translation>
    </message>
    <message>
        <source>Attempt {attempt} refers to a candidate or sitting missing from the store; restore the store from a backup.</source>
        <translation>答卷 {attempt} 关联的考生或场次在数据库中缺失；请用备份恢复数据库。</translation>
    </message>
    <message>
        <source>The receipt {file} is for kiosk {kiosk_id}, not this kiosk ({this_kiosk_id}); import it on that kiosk.</source>
        <translation>回执 {file} 属于考试机 {kiosk_id}，不是本考试机（{this_kiosk_id}）；请在那台考试机上导入。</translation>
    </message>
    <message>
        <source>The receipt {file} is for a bundle {bundle} that this kiosk did not export (or exported with other contents); it may have been restored from a backup. Nothing was marked delivered.</source>
        <translation>回执 {file} 对应的成绩包 {bundle} 不是本考试机导出的（或导出时内容不同）；本机可能是从备份恢复的。没有答卷被标记为已送达。</translation>
    </message>
    <message>
        <source>The receipt {file} acknowledges attempt {attempt}, which bundle {bundle} did not carry; nothing was marked delivered.</source>
        <translation>回执 {file} 确认了答卷 {attempt}，但成绩包 {bundle} 中没有这份答卷；没有答卷被标记为已送达。</translation>
    </message>
    <message>
        <source>The folder {folder} for the enrolment file does not exist.</source>
        <translation>注册文件所在的文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>This kiosk was set up for centre '{centre}', not '{given}'; enrol it under its own centre.</source>
        <translation>本考试机设置的考点是“{centre}”，不是“{given}”；请用它自己的考点注册。</translation>
    </message>
    <message>
        <source>This kiosk has no link to a registry on the network ({path} is missing), so results travel by USB only; the registry administrator can make a link file for it.</source>
        <translation>本考试机尚未连接到网络上的登记中心（缺少 {path}），成绩只能通过 U 盘传送；登记中心管理员可以为它制作连接文件。</translation>
    </message>
    <message>
        <source>The registry at {url} did not answer ({reason}); the results stay in the outbox and are sent again later.</source>
        <translation>位于 {url} 的登记中心没有响应（{reason}）；成绩保留在发件箱中，稍后会再次发送。</translation>
    </message>
    <message>
        <source>The server at {url} is not the registry this kiosk is linked to: its certificate fingerprint is {found}, not {expected}. Nothing was sent to it.</source>
        <translation>位于 {url} 的服务器不是本考试机所连接的登记中心：其证书指纹为 {found}，而不是 {expected}。没有向它发送任何内容。</translation>
    </message>
    <message>
        <source>The registry answered with HTTP status {status} and no reason this kiosk understands; the bundle is sent again later.</source>
        <translation>登记中心以 HTTP 状态 {status} 作答，但没有给出本考试机能理解的原因；该结果包稍后会再次发送。</translation>
    </message>
    <message>
        <source>The file {path} no longer holds bundle {bundle_id} as this kiosk exported it, so it was not sent.</source>
        <translation>文件 {path} 已不再是本考试机导出的结果包 {bundle_id}，因此没有发送。</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} cannot be sent: its file {path} cannot be read and the registry does not hold it yet. Put back the USB stick it was written to.</source>
        <translation>无法发送结果包 {bundle_id}：无法读取其文件 {path}，而登记中心尚未收到它。请重新插入写入该结果包的 U 盘。</translation>
    </message>
    <message>
        <source>The registry answered bundle {bundle_id} with the receipt of bundle {found}; the bundle is sent again later.</source>
        <translation>登记中心对结果包 {bundle_id} 返回了结果包 {found} 的回执；该结果包稍后会再次发送。</translation>
    </message>
    <message>
        <source>The registry link file {path} does not exist.</source>
        <translation>登记中心连接文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The registry link file {path} cannot be read ({reason}).</source>
        <translation>无法读取登记中心连接文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The file {path} is not a registry link file.</source>
        <translation>文件 {path} 不是登记中心连接文件。</translation>
    </message>
    <message>
        <source>The registry link file {path} is signed by key {key_id}, not by the registry key this kiosk trusts; get the link file of this kiosk's own registry.</source>
        <translation>登记中心连接文件 {path} 由密钥 {key_id} 签名，而不是本考试机信任的登记中心密钥；请获取本考试机所属登记中心的连接文件。</translation>
    </message>
    <message>
        <source>The registry link file {path} was altered after the registry signed it; get a fresh copy.</source>
        <translation>登记中心连接文件 {path} 在登记中心签名后被改动过；请重新获取一份。</translation>
    </message>
    <message>
        <source>The file {path} holds a signed {found}, not a registry link ({expected}).</source>
        <translation>文件 {path} 中是已签名的 {found}，而不是登记中心连接（{expected}）。</translation>
    </message>
    <message>
        <source>Invigilator PINs are not locked on this kiosk; type your PIN as usual.</source>
        <translation>本考试机的监考员 PIN 码没有被锁定；请照常输入您的 PIN 码。</translation>
    </message>
    <message>
        <source>That is not the PIN of an active invigilator. {tries} more wrong tries will stop PINs from clearing the lock for {minutes} minutes.</source>
        <translation>这不是在岗监考员的 PIN 码。再错 {tries} 次，将在 {minutes} 分钟内不能再用 PIN 码解除锁定。</translation>
    </message>
    <message>
        <source>That is not the PIN of an active invigilator. 1 more wrong try will stop PINs from clearing the lock for {minutes} minutes.</source>
        <translation>这不是在岗监考员的 PIN 码。再错 1 次，将在 {minutes} 分钟内不能再用 PIN 码解除锁定。</translation>
    </message>
    <message>
        <source>That is not the PIN of an active invigilator. Only the centre's recovery code can clear the lock for the next {minutes} minutes.</source>
        <translation>这不是在岗监考员的 PIN 码。接下来 {minutes} 分钟内只有考点的恢复码能解除锁定。</translation>
    </message>
    <message>
        <source>Too many wrong PINs were typed to clear the lock: use the centre's recovery code, or wait {minutes} minutes.</source>
        <translation>为解除锁定输错 PIN 码的次数太多：请使用考点的恢复码，或等 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Too many wrong PINs were typed to clear the lock: use the centre's recovery code, or wait 1 minute.</source>
        <translation>为解除锁定输错 PIN 码的次数太多：请使用考点的恢复码，或等 1 分钟。</translation>
    </message>
    <message>
        <source>This kiosk has no recovery code yet; the centre administrator can issue one.</source>
        <translation>本考试机还没有恢复码；考点管理员可以生成一个。</translation>
    </message>
    <message>
        <source>That is not this kiosk's recovery code; check it and type it again.</source>
        <translation>这不是本考试机的恢复码；请核对后重新输入。</translation>
    </message>
    <message>
        <source>The candidate is not on a rest break, so there is no break to end.</source>
        <translation>考生没有在休息，因此没有可结束的休息。</translation>
    </message>
    <message>
        <source>Another kiosk program is already running on the data folder {folder}; use that window, or close it before opening the kiosk again.</source>
        <translation>已有另一个考试程序在使用数据文件夹 {folder}；请使用那个窗口，或先关闭它再重新打开考试程序。</translation>
    </message>
    <message>
        <source>The kiosk cannot take its lock file {path} ({reason}); check the data folder's permissions.</source>
        <translation>考试程序无法获取锁文件 {path}（{reason}）；请检查数据文件夹的权限。</translation>
    </message>
    <message>
        <source>Reboot-to-restore software ({software}) is active on this PC, so the answers in {folder} would be wiped at the next restart; turn it off for the exam or exclude that folder.</source>
        <translation>本电脑启用了重启还原软件（{software}），下次重启时 {folder} 中的作答会被清除；请在考试期间关闭该软件，或将该文件夹排除在外。</translation>
    </message>
    <message>
        <source>No reboot-to-restore software (Deep Freeze, a write filter) is active, so the data folder {folder} keeps its answers through a restart.</source>
        <translation>未发现启用的重启还原软件（冰点还原、写入筛选器），数据文件夹 {folder} 重启后仍会保留作答。</translation>
    </message>
    <message>
        <source>Whether the data folder {folder} survives a restart cannot be checked on this system; make sure it is on the PC's own disk.</source>
        <translation>在此系统上无法检查数据文件夹 {folder} 重启后是否保留；请确认它位于本电脑自己的硬盘上。</translation>
    </message>
    <message>
        <source>The data folder {folder} is on a file system held in memory ({fstype}), so every answer would be lost at a restart or power cut; choose a folder on the PC's disk.</source>
        <translation>数据文件夹 {folder} 位于内存文件系统（{fstype}）上，重启或断电时所有作答都会丢失；请选择本电脑硬盘上的文件夹。</translation>
    </message>
    <message>
        <source>The data folder {folder} is on an overlay file system, which some lab set-ups throw away at restart; make sure its changes are kept on the disk.</source>
        <translation>数据文件夹 {folder} 位于叠加（overlay）文件系统上，有些机房设置会在重启时丢弃其中的更改；请确认更改会保存到硬盘。</translation>
    </message>
    <message>
        <source>The data folder {folder} is on a disk that keeps its contents through a restart ({fstype}).</source>
        <translation>数据文件夹 {folder} 位于重启后仍保留内容的硬盘上（{fstype}）。</translation>
    </message>
    <message>
        <source>Only {free} is free on the data folder's disk, less than the {need} this sitting needs; free some space before the exam.</source>
        <translation>数据文件夹所在磁盘仅剩 {free} 可用空间，少于本场考试所需的 {need}；请在考试前腾出空间。</translation>
    </message>
    <message>
        <source>{free} is free on the data folder's disk, little more than the {need} this sitting needs; free some space to be safe.</source>
        <translation>数据文件夹所在磁盘剩余 {free}，仅略多于本场考试所需的 {need}；为稳妥起见请腾出一些空间。</translation>
    </message>
    <message>
        <source>{free} is free on the data folder's disk; this sitting needs {need}.</source>
        <translation>数据文件夹所在磁盘剩余 {free}；本场考试需要 {need}。</translation>
    </message>
    <message>
        <source>Saving an answer to the disk takes {milliseconds} ms, too slow for an exam; use a PC with a faster disk.</source>
        <translation>保存一次作答到磁盘需要 {milliseconds} 毫秒，对考试来说太慢；请使用磁盘更快的电脑。</translation>
    </message>
    <message>
        <source>Saving an answer to the disk takes {milliseconds} ms, which is slow; candidates may notice pauses.</source>
        <translation>保存一次作答到磁盘需要 {milliseconds} 毫秒，速度偏慢；考生可能会感到停顿。</translation>
    </message>
    <message>
        <source>Saving an answer to the disk takes {milliseconds} ms.</source>
        <translation>保存一次作答到磁盘需要 {milliseconds} 毫秒。</translation>
    </message>
    <message>
        <source>The clock says {now}, earlier than {last} when this kiosk last recorded something; set the right date and time.</source>
        <translation>时钟显示 {now}，早于本考试机最后一次记录的时间 {last}；请设置正确的日期和时间。</translation>
    </message>
    <message>
        <source>The clock says {now}, earlier than {made} when the package of bank {bank} was made; set the right date and time.</source>
        <translation>时钟显示 {now}，早于题库 {bank} 的考试包制作时间 {made}；请设置正确的日期和时间。</translation>
    </message>
    <message>
        <source>The clock says {now}, which agrees with the kiosk's records and its bank packages.</source>
        <translation>时钟显示 {now}，与考试机的记录和题库考试包相符。</translation>
    </message>
    <message>
        <source>The screen size is not checked here; the kiosk window checks it before a sitting opens.</source>
        <translation>此处不检查屏幕尺寸；考试窗口会在考场开启前检查。</translation>
    </message>
    <message>
        <source>The screen is {width}×{height}, smaller than the {min_width}×{min_height} the exam needs; use a larger screen or a higher resolution.</source>
        <translation>屏幕为 {width}×{height}，小于考试所需的 {min_width}×{min_height}；请使用更大的屏幕或更高的分辨率。</translation>
    </message>
    <message>
        <source>The screen is {width}×{height}, large enough for the exam.</source>
        <translation>屏幕为 {width}×{height}，足够用于考试。</translation>
    </message>
    <message>
        <source>Fonts for Chinese text are not checked here; the kiosk window checks them before a sitting opens.</source>
        <translation>此处不检查中文字体；考试窗口会在考场开启前检查。</translation>
    </message>
    <message>
        <source>No font that can show Chinese text is installed, so Chinese questions would show as empty boxes; install one such as Noto Sans CJK.</source>
        <translation>没有安装能显示中文的字体，中文试题会显示为空白方框；请安装一种中文字体，例如 Noto Sans CJK。</translation>
    </message>
    <message>
        <source>A font that can show Chinese text is installed.</source>
        <translation>已安装能显示中文的字体。</translation>
    </message>
    <message>
        <source>The PC runs on mains power.</source>
        <translation>本电脑使用市电供电。</translation>
    </message>
    <message>
        <source>The PC runs on its battery; plug it in before the exam.</source>
        <translation>本电脑正在使用电池供电；请在考试前接通电源。</translation>
    </message>
    <message>
        <source>The PC runs on its battery with only {percent}% left; plug it in before the exam.</source>
        <translation>本电脑正在使用电池供电，电量仅剩 {percent}%；请在考试前接通电源。</translation>
    </message>
    <message>
        <source>The PC runs on its battery ({percent}% left); plug it in before the exam.</source>
        <translation>本电脑正在使用电池供电（剩余 {percent}%）；请在考试前接通电源。</translation>
    </message>
    <message>
        <source>Remote-desktop software is running ({tools}), which lets someone elsewhere see or control the exam; close it before the exam.</source>
        <translation>正在运行远程桌面软件（{tools}），他人可借此远程查看或控制考试；请在考试前关闭。</translation>
    </message>
    <message>
        <source>Other people are logged in to this PC ({sessions}); log them out before the exam.</source>
        <translation>还有其他人登录了本电脑（{sessions}）；请在考试前让他们注销。</translation>
    </message>
    <message>
        <source>No remote-desktop software or other login is active on this PC.</source>
        <translation>本电脑上没有运行远程桌面软件，也没有其他登录。</translation>
    </message>
    <message>
        <source>The kiosk store failed its integrity check (problems found: {count}); do not run exams on this PC until the administrator restores it.</source>
        <translation>考试机数据库未通过完整性检查（发现的问题：{count}）；在管理员恢复之前，请勿在本电脑上进行考试。</translation>
    </message>
    <message>
        <source>The kiosk store passed its integrity check.</source>
        <translation>考试机数据库通过了完整性检查。</translation>
    </message>
    <message>
        <source>Sitting {sitting} stays locked: this PC failed the pre-exam lab check (failed lines: {count}); fix what it reports, or an invigilator can open the sitting anyway with their PIN, which is recorded as an incident.</source>
        <translation>考场 {sitting} 仍保持锁定：本电脑未通过考前机房检查（未通过的项目：{count}）；请按检查结果处理，或由监考员输入 PIN 强制开启考场，此操作将记录为异常事件。</translation>
    </message>
    <message>
        <source>The pre-exam lab check finds nothing that keeps sitting {sitting} locked; open it as usual.</source>
        <translation>考前机房检查没有发现使考场 {sitting} 保持锁定的问题；请照常开启。</translation>
    </message>
</context>
</TS>
