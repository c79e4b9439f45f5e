<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The disk is full, so {path} was not written; nothing was changed. Free some space or choose another place.</source>
        <translation>磁盘已满，{path} 未写入；没有任何更改。请释放一些空间，或选择其他位置。</translation>
    </message>
    <message>
        <source>The disk holding {path} is read-only, so nothing was written; choose another place or unlock the disk.</source>
        <translation>{path} 所在的磁盘是只读的，未写入任何内容；请选择其他位置，或解除磁盘的写保护。</translation>
    </message>
    <message>
        <source>This account may not write {path}; nothing was written. Choose another place.</source>
        <translation>当前账户无权写入 {path}；未写入任何内容。请选择其他位置。</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}); nothing was changed.</source>
        <translation>无法写入 {path}（{reason}）；没有任何更改。</translation>
    </message>
</context>
</TS>
