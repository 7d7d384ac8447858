/** The headings of the indicator columns only some provinces' forms print (the Chinese ones are in zh-CN/form-headings.ts). */
export const provincialIndicatorHeadings = {
  nature: 'Nature',
  measureUnit: 'Unit of measure',
  weight: 'Weight',
  direction: 'Direction',
  explanation: 'Explanation',
  origin: 'Origin',
  previousYear: 'Last year',
  yearBeforeLast: 'Year before last',
};
