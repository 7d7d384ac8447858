/** Mid-year adjustments of approved targets (目标调整): the API's refusals and the UI. */
import type { adjustments as zh } from '../zh-CN/adjustments.ts';

const states = { draft: 'Draft', submitted: 'Awaiting review', returned: 'Returned', approved: 'Approved', withdrawn: 'Withdrawn' };
const steps: Record<string, string> = { submit: 'submit', withdraw: 'withdraw', return: 'return', approve: 'approve', edit: 'edit' };

export const adjustments: typeof zh = {
  title: 'Target adjustments',
  states,
  errors: {
    stale: (current: number, expected: number) =>
      `The adjustment request was changed by someone else (now version ${current}, yours was based on ${expected}). Reload and try again; nothing was saved.`,
    state: (state: string, step: string) =>
      `The adjustment request is "${states[state as keyof typeof states] ?? state}": cannot ${steps[step] ?? step} it.`,
    reviewErrors: (n: number) => `The review finds ${n} errors in the adjusted targets; fix them before submitting.`,
    effectiveDate: (date: string, year: number) => `"Effective date" ${date} is not a day of ${year}; choose a date in the budget year.`,
    effectiveDateOrder: (date: string, previous: string) =>
      `"Effective date" ${date} is before ${previous}, the effective date of the last approved adjustment.`,
    reasonRequired: '"Reason" must not be empty.',
    unchanged: 'The adjusted targets are the same as those in force; change an indicator or the budget first.',
    open: (n: number) => `Adjustment request no. ${n} of this document is still open; submit, finish or withdraw it first.`,
    commentRequired: 'Returning an adjustment request needs a comment.',
  },
  page: {
    listTitle: 'Target adjustments',
    documentTitle: (unit: string, year: number) => `${unit} ${year}: target adjustments`,
    queueTitle: 'Adjustments awaiting review',
    mineTitle: 'Our target adjustments',
    none: 'No adjustment requests.',
    number: 'No.',
    numberValue: (n: number) => `Adjustment ${n}`,
    state: 'State',
    reason: 'Reason',
    effectiveDate: 'Effective date',
    createdBy: 'Requested by',
    createdAt: 'Requested at',
    decidedBy: 'Reviewed by',
    unit: 'Unit',
    open: 'Open',
    request: 'Request an adjustment',
    requestTitle: 'Request a target adjustment',
    requestHint:
      'The request starts from the approved targets in force; from the effective date monitoring and self-evaluation use the adjusted targets, before it the original ones.',
    create: 'Create request',
    documents: 'Targets that may be adjusted',
    document: 'Document',
    save: 'Save',
    saved: 'Saved.',
    submit: 'Submit for review',
    submitted: 'Submitted; awaiting the finance bureau.',
    withdraw: 'Withdraw request',
    withdrawConfirm: 'A withdrawn request is not processed further. Withdraw it?',
    withdrawn: 'Withdrawn.',
    return: 'Return',
    returnComment: 'Comment (required; the unit sees it)',
    approve: 'Approve adjustment',
    approveComment: 'Comment (optional)',
    approved: 'Approved; the adjusted targets apply from the effective date.',
    returned: 'Returned.',
    reviewComment: 'Review comment',
    budget: 'Budget',
    changes: 'Changes (in force → adjusted)',
    noChanges: 'No indicator or budget changed yet.',
    findings: 'Review findings of the adjusted targets',
    noFindings: 'No findings in the adjusted targets.',
    readOnly: 'This request cannot be changed now.',
    approvedVersion: (v: number) => `The adjusted targets are version ${v} of the document`,
    monitoringLink: 'Open monitoring',
    publicTitle: 'Target adjustments',
    publicLine: (n: number, date: string, reason: string) => `Adjustment ${n}, in force from ${date}. Reason: ${reason}`,
  },
};
