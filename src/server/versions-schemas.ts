/**
 * Schemas of a document's versions: its submissions (the content as submitted, kept by the
 * workflow) and its current working copy, for comparing what a resubmission changed.
 */
import Type from 'typebox';
import { TargetDocument } from '../core/model/document.ts';
import { Nullable, Status, Timestamp } from './schemas.ts';

const Outcome = Nullable(
  Type.Union([Type.Literal('draft'), Type.Literal('returned'), Type.Literal('approved'), Type.Literal('published')], {
    description: 'how the review of this submission went: returned, approved, published, or draft when withdrawn; null while it waits',
  }),
);

export const Submission = Type.Object({
  version: Type.Integer({ description: 'the document version the submission made' }),
  submittedAt: Timestamp,
  submittedByName: Type.String(),
  outcome: Outcome,
});

export const VersionList = Type.Object({
  items: Type.Array(Submission, { description: 'the submissions, newest first' }),
  total: Type.Integer(),
  nextCursor: Nullable(Type.String({ description: 'give it back as `cursor` for the next page; null on the last' })),
  current: Type.Object(
    { version: Type.Integer(), status: Status, updatedAt: Timestamp },
    {
      description:
        'the working copy now (readable as a version too); its content is the latest submission’s while the document is under review',
    },
  ),
});

export const VersionContent = Type.Object({
  version: Type.Integer(),
  current: Type.Boolean({ description: 'true when this is the working copy at its current version' }),
  submission: Nullable(Submission),
  content: TargetDocument,
});
