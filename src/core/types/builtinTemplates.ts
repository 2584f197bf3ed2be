// Short starting templates for the document types other than the tech spec (whose template is the
// user's seed file, templates/tech-spec-template.md). Plain strings, so that the extension (Node and
// web) and the CLI all ship them inside their bundles. A team replaces them with its own files.

export const RFC_TEMPLATE = `---
rfc_id: RFC-XXXX
title: [Proposal Title]
status: DRAFT
author: [Your Name]
created: YYYY-MM-DD
last_updated: YYYY-MM-DD
---

# RFC-XXXX: [Proposal Title]

## Summary

[One paragraph: what is proposed and why.]

## Motivation

[The problem this solves, and who has it.]

## Proposal

[The design in enough detail to judge it.]

## Alternatives Considered

[Other options, and why this one is preferred.]

## Open Questions

[What must be settled before this is accepted.]
`;

export const PRD_TEMPLATE = `---
prd_id: PRD-XXXX
title: [Product or Feature Name]
status: DRAFT
author: [Your Name]
created: YYYY-MM-DD
last_updated: YYYY-MM-DD
---

# PRD-XXXX: [Product or Feature Name]

## Summary

[One paragraph: what users get, and why it matters now.]

## Problem

[Who has the problem, and what it costs them today.]

## Goals

[Measurable outcomes this must reach.]

## Requirements

[What the product must do, most important first.]

## Out of Scope

[What this deliberately does not cover.]
`;

export const ADR_TEMPLATE = `---
adr_id: ADR-XXXX
title: [Decision Title]
status: PROPOSED
author: [Your Name]
created: YYYY-MM-DD
last_updated: YYYY-MM-DD
---

# ADR-XXXX: [Decision Title]

## Context

[The forces at play: what is true now that makes a decision necessary.]

## Decision

[What was decided, in full sentences.]

## Consequences

[What becomes easier, what becomes harder, and what must be done next.]
`;

/** Starting template by prefix. The tech spec's is the seed file, read by the hosts. */
export const BUILTIN_TEMPLATES: Readonly<Record<string, string>> = {
  RFC: RFC_TEMPLATE,
  PRD: PRD_TEMPLATE,
  ADR: ADR_TEMPLATE,
};

/** A template for a type with none shipped: the front matter every document has, and a title. */
export function minimalTemplate(idField: string, prefix: string, status: string): string {
  return `---\n${idField}: ${prefix}-XXXX\ntitle: [Title]\nstatus: ${status}\nauthor: [Your Name]\ncreated: YYYY-MM-DD\nlast_updated: YYYY-MM-DD\n---\n\n# ${prefix}-XXXX: [Title]\n`;
}
