"""Finding the USB sticks and other removable drives a centre exports results to."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

# Where desktop Linux and macOS mount removable media; fixed disks live elsewhere.
_REMOVABLE_PARENTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
_PSEUDO_FILESYSTEMS = {"tmpfs", "devtmpfs", "proc", "sysfs", "overlay", "squashfs", "autofs"}


@dataclass(frozen=True, slots=True)
class Drive:
    """A mounted drive results could be written to."""

    root: Path
    label: str
    free_bytes: int


def is_removable(root: str, filesystem: str, read_only: bool, system_root: str) -> bool:
    """Whether a mounted volume looks like a drive a person plugged in (and can write to)."""
    if read_only or filesystem.lower() in _PSEUDO_FILESYSTEMS:
        return False
    if sys.platform == "win32" or (len(root) >= 2 and root[1] == ":"):
        # Every drive letter but the one Windows runs from: USB sticks get D:, E:...
        return root[:2].upper() != system_root[:2].upper()
    return root.startswith(_REMOVABLE_PARENTS) and root.rstrip("/") not in ("/mnt", "/media", "/Volumes")


def removable_drives() -> list[Drive]:
    """Mounted, writable drives that look removable, by mount point."""
    system_root = os.environ.get("SYSTEMDRIVE", "C:") if sys.platform == "win32" else "/"
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()):
            continue
        root = volume.rootPath()
        filesystem = bytes(volume.fileSystemType().data()).decode("ascii", "replace")
        if is_removable(root, filesystem, volume.isReadOnly(), system_root):
            label = volume.displayName() or root
            drives.append(Drive(Path(root), label, int(volume.bytesAvailable())))
    return sorted(drives, key=lambda drive: str(drive.root))
