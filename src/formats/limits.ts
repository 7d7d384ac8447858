/**
 * How much an uploaded or restored file may hold, in one place. A few hundred KB of ZIP or gzip can
 * inflate to gigabytes (a "bomb"), so what is unpacked is limited, not only what is sent.
 *
 * A unit's targets in Word are well under a MB of XML (the 2020 sample, six projects: 0.2 MB); a
 * county's whole year as text is a few MB. Reading XML costs far more than its size: 21 MB of Word XML
 * (726 projects) takes 1.4 GB and 7 s to read, 98 MB more than 4 GB.
 */

const MiB = 1024 * 1024;

/** Largest file accepted by an upload (raw body or multipart). */
export const MAX_UPLOAD_BYTES = 50 * MiB;

/**
 * Largest evidence file of a 整改 item (a scan, a photo, a PDF of a notice), and the most files an
 * item keeps: they live in the database, so they are held well under an upload's limit.
 */
export const MAX_EVIDENCE_BYTES = 10 * MiB;
export const MAX_EVIDENCE_FILES = 20;

/**
 * Largest sum of the unpacked sizes of a DOCX or XLSX package's entries: checked against what the
 * central directory declares, then against the bytes really inflated, so an archive that lies about
 * its sizes is stopped when it passes the limit. Some 700 projects in Word, which reads within
 * PARSE_WORKER_HEAP_MB.
 */
export const MAX_ZIP_UNPACKED_BYTES = 20 * MiB;

/** Most entries in a DOCX or XLSX package (Word and Excel write a few dozen). */
export const MAX_ZIP_ENTRIES = 1000;

/**
 * Longest line of a backup file once gunzipped: one table row, the largest being a document's
 * content in its audit entry (a few MB). A backup of any number of lines restores.
 */
export const MAX_BACKUP_LINE_BYTES = 64 * MiB;

/**
 * Heap of a thread reading uploads. A file within the limits above that still needs more stops that
 * thread, not the server, as far as Node can tell in time (it aborts the process when one allocation
 * leaps past the limit): the unpacked limit is the guarantee, this the net under it.
 */
export const PARSE_WORKER_HEAP_MB = 2048;

/** Largest evaluation report (PDF or Word) kept in the database: a report with photos runs to a few MB. */
export const MAX_EVALUATION_REPORT_BYTES = 20 * MiB;
