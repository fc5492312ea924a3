/**
 * Ceilings that keep a hostile or oversized file from exhausting memory or
 * time. A PRE follows 100 to 1 000 children: these leave a wide margin.
 */
export const importLimits = {
  /** Size of a workbook or CSV file as received. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Total size of a workbook's parts once decompressed. */
  maxInflatedBytes: 300 * 1024 * 1024,
  /** A part that decompresses more than this many times its size is a zip bomb. */
  maxCompressionRatio: 200,
  /** Parts of a workbook archive. */
  maxZipEntries: 5_000,
  maxRowsPerSheet: 200_000,
  maxColumns: 1_000,
  maxCells: 5_000_000,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof importLimits]: number };
