; Inno Setup script: the one-folder kiosk program for Windows, installed for all users of the PC.
;
;     ISCC.exe /DAppVersion=0.1.0 /DDistDir=..\..\build\installer\dist installer\windows\kiosk.iss
;
; build_windows.ps1 runs PyInstaller and then this. Per-machine (Program Files, administrator rights),
; Start-menu entries for the kiosk and the administrator console, an uninstaller that keeps every
; kiosk's data (%LOCALAPPDATA%\OneXKiosk or the folder in KIOSK_DATA_DIR is never touched), and no
; downgrades: installing an older version over a newer one is refused.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\build\installer\dist"
#endif
#define AppName "1+X Assessment Kiosk"
#define AppGuid "7F0E3B2C-9B1D-4C55-9C1E-1AE0C0FFEE14"

[Setup]
AppId={{{#AppGuid}}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=1+X Assessment Kiosk project
DefaultDirName={autopf}\OneX Kiosk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=onex-kiosk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\onex-kiosk-window.exe
UninstallDisplayName={#AppName}
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "{#DistDir}\onex-kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}\{#AppName}"; Filename: "{app}\onex-kiosk-window.exe"; Parameters: "run"
Name: "{autoprograms}\{#AppName}\Administrator console"; Filename: "{app}\onex-kiosk-window.exe"; Parameters: "admin"
Name: "{autoprograms}\{#AppName}\Pre-exam lab check"; Filename: "{cmd}"; Parameters: "/k ""{app}\onex-kiosk.exe"" check"
Name: "{autoprograms}\{#AppName}\Uninstall"; Filename: "{uninstallexe}"

[UninstallDelete]
; Only what the program itself left in its own folder; the kiosks' data folders are never deleted.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function InstalledVersion(): String;
var
  Key: String;
begin
  Result := '';
  // Inno Setup records the installed version under the uninstall key named after the AppId.
  Key := 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{{#AppGuid}}_is1';
  if not RegQueryStringValue(HKLM, Key, 'DisplayVersion', Result) then
    RegQueryStringValue(HKCU, Key, 'DisplayVersion', Result);
end;

function InitializeSetup(): Boolean;
var
  Installed: String;
  InstalledPacked, NewPacked: Int64;
begin
  Result := True;
  Installed := InstalledVersion();
  if (Installed <> '') and StrToVersion(Installed, InstalledPacked)
      and StrToVersion('{#AppVersion}', NewPacked)
      and (ComparePackedVersion(NewPacked, InstalledPacked) < 0) then
  begin
    SuppressibleMsgBox('Version ' + Installed + ' of {#AppName} is installed, which is newer than ' +
      '{#AppVersion}. An older version is not installed over a newer one; uninstall the newer version ' +
      'first if you really need the older one (the kiosks'' data is kept).', mbError, MB_OK, IDOK);
    Result := False;
  end;
end;
