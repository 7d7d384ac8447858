#!/bin/sh
# Re-makes the Word and Excel files of the published-form fixtures (src/formats/tables/fixtures/*/)
# from each folder's page.html, the way a bureau clerk gets them: the saved government page opened
# in Word (Writer) or Excel (Calc) and saved as .docx/.xlsx (and, for the folders listed in
# LEGACY, as .doc/.xls too). Needs LibreOffice (soffice). Not run by the tests: the files it makes
# are committed, and each folder's SOURCE.md says how they were made.
#
#   scripts/build-form-fixtures.sh            every fixture folder
#   scripts/build-form-fixtures.sh DIR...     only these folders
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$root/src/formats/tables/fixtures"
LEGACY="hunan-xiangtan-declaration"

# A private LibreOffice profile: a clerk's desktop would not share one with other soffice runs.
profile=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$profile" "$work"' EXIT
soffice() { command soffice -env:UserInstallation="file://$profile" --headless "$@" >/dev/null 2>&1; }

if [ "$#" -eq 0 ]; then set -- "$fixtures"/*/; fi
for dir in "$@"; do
  dir=${dir%/}
  name=$(basename "$dir")
  [ -f "$dir/page.html" ] || continue
  cp "$dir/page.html" "$work/page.html"
  # Writer reads the page as a web document; Calc needs its HTML filter named or it opens Writer.
  soffice --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/page.html"
  soffice --infilter='HTML (StarCalc)' --convert-to 'xlsx:Calc Office Open XML' --outdir "$work" "$work/page.html"
  mv "$work/page.docx" "$dir/form.docx"
  mv "$work/page.xlsx" "$dir/form.xlsx"
  case " $LEGACY " in
  *" $name "*)
    soffice --convert-to 'doc:MS Word 97' --outdir "$work" "$work/page.html"
    soffice --infilter='HTML (StarCalc)' --convert-to 'xls:MS Excel 97' --outdir "$work" "$work/page.html"
    mv "$work/page.doc" "$dir/form.doc"
    mv "$work/page.xls" "$dir/form.xls"
    ;;
  esac
  echo "$name: $(cd "$dir" && ls form.* | tr '\n' ' ')"
done
