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

/** The project header fields only some provinces' forms print. */
export const provincialProjectHeadings = {
  category: 'Project category',
  constructionPeriod: 'Construction period',
  manager: 'Project manager',
  approvalNumber: 'Approval document number',
  subjectCode: 'Budget subject code',
};

/** The parts of a 部门整体 expenditure table, and a project's medium-term budget. */
export const departmentTableParts = {
  budgetMediumTerm: 'Medium-term budget',
  fundsTotal: 'Total funds',
  fundsProject: 'Project expenditure',
  fundsBasic: 'Basic expenditure',
  duties: 'Annual duty targets',
  duty: 'Department function',
  dutyTask: 'Annual task',
  dutyProject: 'Expenditure project',
  dutyAmount: 'Budget amount',
  departmentIndicators: 'Department-wide indicators',
};
