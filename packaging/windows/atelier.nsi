; The installer of Atelier for Windows, made by `make windows` (packaging/windows/build.sh) with NSIS:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder of the zip's Atelier\> -DOUTFILE=<setup.exe> atelier.nsi
; Per user: installs into %LOCALAPPDATA%\Programs\Atelier, never asks for administrator rights; a Start-menu
; shortcut, an uninstaller listed in « Applications et fonctionnalités ». The data folder (%APPDATA%\Atelier) is
; the user's: the uninstaller leaves it.
; 64-bit installer (like the program): Windows 10 and 11 x64 only, and it runs under wine64 for the test
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APP "Atelier"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Atelier"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Atelier"
InstallDirRegKey HKCU "Software\Atelier" "InstallDir"
BrandingText "Le Tour des Cités éducatives"

!include "MUI2.nsh"
!define MUI_FINISHPAGE_RUN "$INSTDIR\atelier.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Lancer Atelier"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\LISEZMOI.txt"
!define MUI_FINISHPAGE_SHOWREADME_TEXT "Lire LISEZMOI.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"

Section "Atelier"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\Desinstaller.exe"
  CreateDirectory "$SMPROGRAMS\Atelier"
  CreateShortcut "$SMPROGRAMS\Atelier\Atelier.lnk" "$INSTDIR\atelier.exe"
  CreateShortcut "$SMPROGRAMS\Atelier\Lisez-moi.lnk" "$INSTDIR\LISEZMOI.txt"
  CreateShortcut "$SMPROGRAMS\Atelier\Désinstaller Atelier.lnk" "$INSTDIR\Desinstaller.exe"
  WriteRegStr HKCU "Software\Atelier" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "Atelier"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Le Tour des Cités éducatives"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\atelier.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Desinstaller.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Atelier\Atelier.lnk"
  Delete "$SMPROGRAMS\Atelier\Lisez-moi.lnk"
  Delete "$SMPROGRAMS\Atelier\Désinstaller Atelier.lnk"
  RMDir "$SMPROGRAMS\Atelier"
  RMDir /r "$INSTDIR\fonts"
  RMDir /r "$INSTDIR\exemples"
  Delete "$INSTDIR\atelier.exe"
  Delete "$INSTDIR\LISEZMOI.txt"
  Delete "$INSTDIR\Desinstaller.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\Atelier"
SectionEnd
