#!/usr/bin/env python3
"""Prints CREATE TABLE statements for Cartera entity sources (a starting point for a Flyway migration).

Usage: tools/ddl-from-entities.py path/to/Entity.java ...
Columns come from @Column(name=..., length=...) and the field type; TenantEntity's common columns
(id, tenant_id, version, created/updated at/by) are added to every table that extends it.
"""
import re
import sys

COMMON = """    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100)"""

TYPES = {"UUID": "uuid", "Instant": "timestamp with time zone", "LocalDate": "date",
         "BigDecimal": "numeric(19,4)", "boolean": "boolean default false not null",
         "int": "integer default 0 not null", "Integer": "integer", "Long": "bigint", "long": "bigint default 0 not null"}

for path in sys.argv[1:]:
    src = open(path, encoding="utf-8").read()
    table = re.search(r'@Table\(name = "(\w+)"', src).group(1)
    cols = []
    for m in re.finditer(r'((?:@\w+(?:\([^)]*\))?\s*)+)private (\w+) (\w+);', src):
        anns, typ = m.group(1), m.group(2)
        c = re.search(r'@Column\(name = "(\w+)"([^)]*)\)', anns)
        if not c:
            continue
        name, rest = c.group(1), c.group(2)
        if "@Enumerated" in anns:
            sql = "varchar(30)"
        elif typ == "String":
            sql = "varchar(%s)" % re.search(r"length = (\d+)", rest).group(1)
        else:
            sql = TYPES[typ]
        if "nullable = false" in rest and "not null" not in sql:
            sql += " not null"
        cols.append("    %s %s" % (name, sql))
    print("create table %s (\n%s,\n%s\n);\ncreate index ix_%s_tenant on %s (tenant_id);\n" % (table, COMMON, ",\n".join(cols), table[4:], table))
