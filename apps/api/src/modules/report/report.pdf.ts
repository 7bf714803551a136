import type { Explanation, Indicator, KpiStatusValue } from '@lis/contracts';
import { findKpi, formatDate, formatKpiValue, formatMonthLong, type KpiDefinition, MISSING, STATUS_WORDS } from '@lis/domain';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { trendChartSvg } from './report.chart.ts';
import type { ReportData, ReportException } from './report.service.ts';

// A4 landscape: the matrix needs the width. The built-in Helvetica writes WinAnsi, which holds æ, ø and å.
const MARGIN = 40;
const FOOTER_HEIGHT = 20;
const COLOURS: Readonly<Record<KpiStatusValue, string>> = {
  red: '#c62828',
  yellow: '#f2b400',
  green: '#2e7d32',
  no_target: '#9e9e9e',
  no_data: '#d0d0d0',
  suppressed: '#7a7a7a',
};
/** The order of the strip and of the matrix legend: the exceptions first. */
const STATUS_ORDER: readonly KpiStatusValue[] = ['red', 'yellow', 'green', 'no_target', 'no_data', 'suppressed'];
/** Units beside each other in one band of the matrix; more children continue in the next band. */
const MATRIX_COLUMNS = 5;
const MATRIX_ROW_HEIGHT = 24;
const EXPLANATION_MISSING = 'Ingen forklaring';

/** The month's report as a PDF: front page with the strip, the matrix, the red and yellow figures with charts. */
export async function renderReportPdf(data: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true, // the footer's "Side n af m" needs the page count
    info: { Title: `Månedsrapport ${data.org.name} ${formatMonthLong(data.period)}`, Author: 'LIS' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  frontPage(doc, data);
  matrixPages(doc, data);
  exceptionPages(doc, data);
  footers(doc, data);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const loadDate = (data: ReportData) => (data.loadedAt ? formatDate(data.loadedAt.slice(0, 10)) : MISSING);
const kpiOf = (kpiId: string): KpiDefinition | null => findKpi(kpiId);
const kpiName = (kpiId: string) => kpiOf(kpiId)?.name ?? kpiId;
const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - MARGIN - FOOTER_HEIGHT;

/** The value as printed on the overview, or the word for why there is none. */
type Figure = Pick<Indicator, 'kpiId' | 'value' | 'status'>;

function valueText(indicator: Figure | undefined): string {
  if (!indicator) return MISSING;
  if (indicator.status === 'suppressed') return STATUS_WORDS.suppressed;
  const kpi = kpiOf(indicator.kpiId);
  return kpi ? formatKpiValue(indicator.value, kpi) : String(indicator.value ?? MISSING);
}

/** A coloured square followed by the status word: the colour never stands alone. */
function statusMark(doc: PDFKit.PDFDocument, status: KpiStatusValue, x: number, y: number, size = 9) {
  doc
    .save()
    .rect(x, y + 1, size, size)
    .fill(COLOURS[status])
    .restore();
  doc.fillColor('black').text(STATUS_WORDS[status], x + size + 4, y, { lineBreak: false });
}

function frontPage(doc: PDFKit.PDFDocument, data: ReportData) {
  doc.font('Helvetica').fontSize(12).fillColor('#555555').text('Månedsrapport til direktionen');
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(26).fillColor('black').text(data.org.name);
  doc.font('Helvetica').fontSize(18).text(formatMonthLong(data.period));
  doc.moveDown(0.3);
  doc
    .fontSize(12)
    .fillColor('#555555')
    .text(`Data pr. ${loadDate(data)}`);
  doc.moveDown(1.5);

  doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text('Status for enhedens tal');
  doc.moveDown(0.5);
  const counts = new Map<KpiStatusValue, number>();
  for (const indicator of data.indicators) counts.set(indicator.status, (counts.get(indicator.status) ?? 0) + 1);
  let x = MARGIN;
  const y = doc.y;
  doc.font('Helvetica').fontSize(12);
  for (const status of STATUS_ORDER) {
    const count = counts.get(status) ?? 0;
    doc.save().rect(x, y, 120, 46).lineWidth(1).stroke(COLOURS[status]).restore();
    doc.save().rect(x, y, 8, 46).fill(COLOURS[status]).restore();
    doc
      .font('Helvetica-Bold')
      .fontSize(20)
      .fillColor('black')
      .text(String(count), x + 16, y + 4, { lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(STATUS_WORDS[status], x + 16, y + 28, { lineBreak: false });
    x += 130;
  }
  doc.x = MARGIN;
  doc.y = y + 66;

  doc.font('Helvetica-Bold').fontSize(14).text('Røde og gule tal');
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(11);
  if (data.exceptions.length === 0) doc.text('Ingen tal er røde eller gule i måneden.');
  for (const { indicator } of data.exceptions) {
    if (doc.y > bottom(doc) - 20) break; // the exceptions' own pages list them all
    const y = doc.y;
    statusMark(doc, indicator.status, MARGIN, y);
    doc.text(`${kpiName(indicator.kpiId)}: ${valueText(indicator)} (mål ${targetText(indicator)})`, MARGIN + 70, y);
  }
}

const targetText = (indicator: Indicator) => {
  const kpi = kpiOf(indicator.kpiId);
  return kpi ? formatKpiValue(indicator.target, kpi) : MISSING;
};

/** Rows: the KPIs of the matrix; columns: the unit and its children, in bands of MATRIX_COLUMNS. */
function matrixPages(doc: PDFKit.PDFDocument, data: ReportData) {
  const columns = data.matrix.rows;
  const allIds = data.matrix.themes.flatMap((theme) => theme.kpiIds);
  // KPIs without data in any row only lengthen the table: the front page counts them
  const withData = allIds.filter((id) => columns.some((row) => row.cells.some((c) => c.kpiId === id && c.status !== 'no_data')));
  const kpiIds = withData.length > 0 ? withData : allIds;
  const nameWidth = 230;
  for (let start = 0; start < columns.length; start += MATRIX_COLUMNS) {
    const band = columns.slice(start, start + MATRIX_COLUMNS);
    const cellWidth = (doc.page.width - 2 * MARGIN - nameWidth) / MATRIX_COLUMNS;
    const header = () => {
      doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(14)
        .fillColor('black')
        .text(`Enheder og nøgletal, ${formatMonthLong(data.period)}`);
      doc.moveDown(0.4);
      const y = doc.y;
      doc.fontSize(9);
      band.forEach((column, i) => {
        doc.text(column.org.name, MARGIN + nameWidth + i * cellWidth, y, { width: cellWidth - 6, height: 34, ellipsis: true });
      });
      doc.y = y + 38;
      doc
        .save()
        .moveTo(MARGIN, doc.y - 2)
        .lineTo(doc.page.width - MARGIN, doc.y - 2)
        .stroke('#999999')
        .restore();
    };
    header();
    for (const kpiId of kpiIds) {
      if (doc.y + MATRIX_ROW_HEIGHT > bottom(doc)) header();
      const y = doc.y;
      doc.font('Helvetica').fontSize(9).fillColor('black');
      doc.text(kpiName(kpiId), MARGIN, y, { width: nameWidth - 8, height: MATRIX_ROW_HEIGHT - 2, ellipsis: true });
      band.forEach((column, i) => {
        const indicator = column.cells.find((c) => c.kpiId === kpiId);
        const x = MARGIN + nameWidth + i * cellWidth;
        doc
          .font('Helvetica-Bold')
          .fontSize(9)
          .text(valueText(indicator), x, y, { width: cellWidth - 6, lineBreak: false });
        if (indicator && indicator.status !== 'suppressed') {
          doc.font('Helvetica').fontSize(8);
          statusMark(doc, indicator.status, x, y + 11, 7);
        }
      });
      doc.x = MARGIN;
      doc.y = y + MATRIX_ROW_HEIGHT;
    }
  }
}

/** Two red or yellow figures a page: the figure, its explanation and action, and its 13 months as a chart. */
function exceptionPages(doc: PDFKit.PDFDocument, data: ReportData) {
  data.exceptions.forEach((exception, i) => {
    if (i % 2 === 0) {
      doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(14)
        .fillColor('black')
        .text(`Røde og gule tal, ${formatMonthLong(data.period)}`);
      doc.moveDown(0.5);
    }
    exceptionBlock(doc, exception);
  });
}

function exceptionBlock(doc: PDFKit.PDFDocument, { indicator, explanation, points }: ReportException) {
  const top = doc.y;
  const textWidth = 260;
  const kpi = kpiOf(indicator.kpiId);
  doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(kpiName(indicator.kpiId), MARGIN, top, { width: textWidth });
  doc.moveDown(0.2);
  doc.font('Helvetica').fontSize(10);
  statusMark(doc, indicator.status, MARGIN, doc.y);
  doc.moveDown(1.2);
  const line = (label: string, text: string) => {
    doc.font('Helvetica-Bold').text(`${label}: `, MARGIN, doc.y, { continued: true, width: textWidth });
    doc.font('Helvetica').text(text, { width: textWidth });
  };
  line('Værdi', valueText(indicator));
  line('Mål', targetText(indicator));
  if (kpi) line('Måneden før', formatKpiValue(indicator.previous, kpi));
  if (kpi) line('Samme måned sidste år', formatKpiValue(indicator.sameMonthLastYear, kpi));
  doc.moveDown(0.4);
  explanationLines(explanation, line);
  const chartHeight = 220;
  if (kpi) {
    const chartWidth = doc.page.width - 2 * MARGIN - textWidth - 20;
    SVGtoPDF(doc, trendChartSvg(kpi, points, chartWidth, chartHeight), MARGIN + textWidth + 20, top, {
      width: chartWidth,
      height: chartHeight,
    });
  }
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + chartHeight) + 16;
}

/** The chef's explanation and action as written in LIS, or that none has been written. */
function explanationLines(explanation: Explanation | null, line: (label: string, text: string) => void) {
  if (!explanation) {
    line('Forklaring', EXPLANATION_MISSING);
    return;
  }
  line('Forklaring', explanation.text);
  line('Handling', explanation.action ?? MISSING);
  if (explanation.actionOwner) line('Ansvarlig', explanation.actionOwner);
  if (explanation.actionDue) line('Frist', formatDate(explanation.actionDue));
  if (explanation.expectedEffect) line('Forventet effekt', explanation.expectedEffect);
  if (explanation.actionDoneAt) line('Udført', formatDate(explanation.actionDoneAt.slice(0, 10)));
}

/** "Side n af m", the unit, the month and the load date at the foot of every page. */
function footers(doc: PDFKit.PDFDocument, data: ReportData) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 }; // writing below the bottom margin would start a new page
    const y = doc.page.height - MARGIN;
    doc.font('Helvetica').fontSize(8).fillColor('#555555');
    doc.text(`${data.org.name} · ${formatMonthLong(data.period)} · Data pr. ${loadDate(data)}`, MARGIN, y, { lineBreak: false });
    doc.text(`Side ${i - start + 1} af ${count}`, MARGIN, y, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = margins;
  }
}
