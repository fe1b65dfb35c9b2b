#!/usr/bin/env bash
# Remakes the workbooks in test/fixtures/files/libreoffice/ with a real LibreOffice Calc (Debian
# bookworm: apt-get install --no-install-recommends libreoffice-calc). They are committed, so the
# tests never need LibreOffice; run this again when test/fixtures/real-workbooks.ts changes.
#   real-workbook.xlsx/.ods/.xls  the exceljs "real" workbook opened and saved again by Calc
#   beni-di-consumo.xlsx          typed in Calc (the CSV below, Italian locale, formulas evaluated
#                                 by Calc itself) and saved as .xlsx: Calc's own cells and styles
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/files/libreoffice
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" # a throw-away LibreOffice profile

npx tsx -e "
import { writeFileSync } from 'node:fs';
import { realWorkbook } from './test/fixtures/real-workbooks';
realWorkbook().then((bytes) => writeFileSync('$work/real-workbook.xlsx', bytes));
"
for format in 'xlsx:Calc MS Excel 2007 XML' ods xls; do
  soffice --headless --convert-to "$format" --outdir "$work/out" "$work/real-workbook.xlsx"
done
cp "$work"/out/real-workbook.{xlsx,ods,xls} "$out/"

# The sheet is named after the file: Calc calls a CSV's only sheet by the file's name.
cp "$out/beni-di-consumo.csv" "$work/Beni di consumo.csv"
# CSV options: ';' "…" UTF-8 from line 1, Italian locale (1040), special numbers detected,
# formulas evaluated (token 13).
soffice --headless --infilter='CSV:59,34,76,1,,1040,false,true,false,false,false,-1,true' \
  --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/out" "$work/Beni di consumo.csv"
cp "$work/out/Beni di consumo.xlsx" "$out/beni-di-consumo.xlsx"
soffice --version
