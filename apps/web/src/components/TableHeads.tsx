import {
  LAWSUIT_GROUP_LABEL,
  REQUEST_APPLICANT_HEADER,
  REQUEST_COLUMNS,
  REQUEST_ORG_GROUP,
  REQUEST_TABLE_NOTE,
  REQUEST_TOTAL_LABEL,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
} from '@ccgov/report';

/**
 * The official merged headers of tables 三 and 四, shared by the public report view and the
 * department editor so both always show the same structure.
 */
export function RequestsTableHead({ noteClassName }: { noteClassName?: string }) {
  return (
    <thead>
      <tr>
        <th scope="col" colSpan={3} rowSpan={3} className={noteClassName}>
          {REQUEST_TABLE_NOTE}
        </th>
        <th scope="colgroup" colSpan={7}>{REQUEST_APPLICANT_HEADER}</th>
      </tr>
      <tr>
        <th scope="col" rowSpan={2}>{REQUEST_COLUMNS[0].label}</th>
        <th scope="colgroup" colSpan={5}>{REQUEST_ORG_GROUP}</th>
        <th scope="col" rowSpan={2}>{REQUEST_TOTAL_LABEL}</th>
      </tr>
      <tr>
        {REQUEST_COLUMNS.slice(1).map((c) => (
          <th scope="col" key={c.key}>{c.label}</th>
        ))}
      </tr>
    </thead>
  );
}

export function ReviewsTableHead() {
  return (
    <thead>
      <tr>
        <th scope="colgroup" colSpan={5} rowSpan={2}>{REVIEW_BLOCKS[0].label}</th>
        <th scope="colgroup" colSpan={10}>{LAWSUIT_GROUP_LABEL}</th>
      </tr>
      <tr>
        {REVIEW_BLOCKS.slice(1).map((b) => (
          <th scope="colgroup" colSpan={5} key={b.key}>{b.label}</th>
        ))}
      </tr>
      <tr>
        {REVIEW_BLOCKS.flatMap((b) => [
          ...REVIEW_RESULTS.map((r) => <th scope="col" key={`${b.key}.${r.key}`}>{r.label}</th>),
          <th scope="col" key={`${b.key}.total`}>{REVIEW_TOTAL_LABEL}</th>,
        ])}
      </tr>
    </thead>
  );
}
