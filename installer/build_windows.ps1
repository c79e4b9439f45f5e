# Build the kiosk for Windows on a Windows build PC: the one-folder program (PyInstaller) and its
# installer (Inno Setup). Needs Python 3.11+ (python.org, "py" launcher) and Inno Setup 6 (ISCC.exe).
#
#     powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Result: build\installer\onex-kiosk-<version>-setup.exe. Prints the build time and the size.
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
$Out = Join-Path $Root "build\installer"
$Started = Get-Date

$Version = & py -3.11 -c "import tomllib,sys; print(tomllib.load(open(sys.argv[1],'rb'))['project']['version'])" (Join-Path $Root "pyproject.toml")
$Dependencies = & py -3.11 -c "import tomllib,sys; print('\n'.join(tomllib.load(open(sys.argv[1],'rb'))['project']['dependencies']))" (Join-Path $Root "pyproject.toml")

New-Item -ItemType Directory -Force -Path $Out | Out-Null
$Venv = Join-Path $Out "venv"
if (-not (Test-Path (Join-Path $Venv "Scripts\python.exe"))) {
    & py -3.11 -m venv $Venv
}
$Python = Join-Path $Venv "Scripts\python.exe"
& $Python -m pip install --quiet --upgrade pip
& $Python -m pip install --quiet "pyinstaller>=6.10" @($Dependencies -split "`n" | Where-Object { $_ })
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Out "dist"), (Join-Path $Out "work")
& $Python -m PyInstaller --noconfirm --log-level WARN --distpath (Join-Path $Out "dist") --workpath (Join-Path $Out "work") (Join-Path $Root "installer\kiosk.spec")
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$App = Join-Path $Out "dist\onex-kiosk"
& (Join-Path $App "onex-kiosk.exe") --help | Out-Null
if ($LASTEXITCODE -ne 0) { throw "the frozen program does not start" }

$Iscc = @(
    (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source,
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) is not installed" }
& $Iscc "/DAppVersion=$Version" "/DDistDir=$(Join-Path $Out 'dist')" (Join-Path $PSScriptRoot "windows\kiosk.iss")
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }

$Setup = Join-Path $Out "onex-kiosk-$Version-setup.exe"
$Seconds = [int]((Get-Date) - $Started).TotalSeconds
$Size = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Output "built $Setup"
Write-Output "build time: $Seconds s; installer: $Size MB"
