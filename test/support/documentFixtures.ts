// Documents of types other than the tech spec, shared by the core and CLI tests of document types.

/** An ADR that the shipped ADR template accepts as it is: every section, a known status. */
export const ADR_USE_POSTGRES = `---
adr_id: ADR-0001
title: Use Postgres
status: ACCEPTED
author: Ada
created: 2026-05-01
last_updated: 2026-05-20
---

# ADR-0001: Use Postgres

## Context

We need a relational store.

## Decision

We use Postgres.

## Consequences

Queries get simpler.
`;
