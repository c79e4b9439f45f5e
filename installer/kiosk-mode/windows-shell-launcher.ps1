# Make a Windows 10/11 (Enterprise, Education or IoT Enterprise) lab PC run only the kiosk for one account.
#
#     powershell -ExecutionPolicy Bypass -File windows-shell-launcher.ps1 -User exam
#     powershell -ExecutionPolicy Bypass -File windows-shell-launcher.ps1 -User exam -Remove
#
# Run as administrator after installing the kiosk (installer\windows\kiosk.iss). It
#   1. creates the local standard account -User (no administrator rights) if it does not exist,
#   2. gives it a data folder on the local disk, C:\OneXKiosk\data, that only it (and administrators)
#      can open, and sets KIOSK_DATA_DIR for that account,
#   3. turns on Shell Launcher v2 and makes the kiosk that account's shell, restarted if it ever exits;
#      every other account keeps Explorer.
# Shell Launcher is configured through its documented WMI class WESL_UserSetting
# (root\standardcimv2\embedded). Windows Pro has no Shell Launcher: use Assigned Access or the Group
# Policy steps in resources/os-kiosk-mode.md there.
param(
    [Parameter(Mandatory = $true)][string]$User,
    [string]$Program = "$env:ProgramFiles\OneX Kiosk\onex-kiosk-window.exe",
    [string]$DataDir = "C:\OneXKiosk\data",
    [switch]$Remove
)
$ErrorActionPreference = "Stop"

function Get-ShellLauncher {
    $class = Get-CimClass -Namespace "root\standardcimv2\embedded" -ClassName "WESL_UserSetting" -ErrorAction SilentlyContinue
    if (-not $class) { throw "Shell Launcher is not available on this edition of Windows." }
    return [wmiclass]"\\.\root\standardcimv2\embedded:WESL_UserSetting"
}

$feature = Get-WindowsOptionalFeature -Online -FeatureName "Client-EmbeddedShellLauncher"
if ($feature.State -ne "Enabled" -and -not $Remove) {
    Enable-WindowsOptionalFeature -Online -FeatureName "Client-EmbeddedShellLauncher" -NoRestart | Out-Null
    Write-Output "Shell Launcher was turned on; restart the PC and run this script again."
    exit 0
}

if (-not (Get-LocalUser -Name $User -ErrorAction SilentlyContinue)) {
    if ($Remove) { throw "There is no account $User." }
    $password = Read-Host -AsSecureString "Password for the new account $User"
    New-LocalUser -Name $User -Password $password -FullName "1+X exam kiosk" -PasswordNeverExpires | Out-Null
    Add-LocalGroupMember -Group "Users" -Member $User
}
$sid = (New-Object System.Security.Principal.NTAccount($User)).Translate([System.Security.Principal.SecurityIdentifier]).Value
$launcher = Get-ShellLauncher

if ($Remove) {
    $launcher.RemoveCustomShell($sid) | Out-Null
    Write-Output "$User has the normal Windows shell again (its data in $DataDir is kept)."
    exit 0
}

if (-not (Test-Path $Program)) { throw "The kiosk is not installed at $Program." }
New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
# Only the exam account and administrators may open the data folder.
$acl = New-Object System.Security.AccessControl.DirectorySecurity
$acl.SetAccessRuleProtection($true, $false)
foreach ($who in @($User, "BUILTIN\Administrators", "NT AUTHORITY\SYSTEM")) {
    $rule = New-Object System.Security.AccessControl.FileSystemAccessRule($who, "FullControl", "ContainerInherit,ObjectInherit", "None", "Allow")
    $acl.AddAccessRule($rule)
}
Set-Acl -Path $DataDir -AclObject $acl
# KIOSK_DATA_DIR for that account only (its registry hive, loaded if it has never logged on).
$hive = "HKU\$sid"
$loaded = $false
if (-not (Test-Path "Registry::HKEY_USERS\$sid")) {
    $profile = "C:\Users\$User\NTUSER.DAT"
    if (Test-Path $profile) {
        & reg.exe load $hive $profile | Out-Null
        $loaded = $true
    } else {
        Write-Output "Log on once as $User (to create its profile), then run this script again to set KIOSK_DATA_DIR."
    }
}
if (Test-Path "Registry::HKEY_USERS\$sid") {
    New-ItemProperty -Path "Registry::HKEY_USERS\$sid\Environment" -Name "KIOSK_DATA_DIR" -Value $DataDir -PropertyType String -Force | Out-Null
}
if ($loaded) { [gc]::Collect(); & reg.exe unload $hive | Out-Null }

# Default action 0 = restart the shell when it exits; Explorer for everyone else.
$launcher.SetDefaultShell("explorer.exe", 0) | Out-Null
$launcher.SetCustomShell($sid, "`"$Program`" run", $null, $null, 0) | Out-Null
$launcher.SetEnabled($true) | Out-Null
Write-Output "At its next logon, $User gets only the kiosk (data in $DataDir). To undo: -Remove"
