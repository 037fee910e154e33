#!/usr/bin/env python3
"""Writes a Cartera JPA entity extending TenantEntity with getters and setters.

Usage: tools/new-entity.py <src-root> <feature> <Class> <table> "<doc>" "<Type> <field> <column> [length]" ...
Types: String, UUID, Instant, LocalDate, BigDecimal, boolean, int, Integer, long, enum:<Name or fully.qualified.Name>.
"""
import sys

root, pkg, cls, table, doc = sys.argv[1:6]
fields = [f.split() for f in sys.argv[6:]]
imports = {"jakarta.persistence.Column", "jakarta.persistence.Entity", "jakarta.persistence.Table",
           "dev.cartera.core.persistence.TenantEntity"}
body, acc = [], []
for f in fields:
    typ, name, col = f[0], f[1], f[2]
    extra = f[3] if len(f) > 3 else ""
    ann, colargs = [], [f'name = "{col}"']
    if typ == "String":
        colargs.append(f"length = {extra or 200}")
    elif typ == "BigDecimal":
        imports.add("java.math.BigDecimal"); colargs.append("precision = 19, scale = 4")
    elif typ == "UUID":
        imports.add("java.util.UUID")
    elif typ == "Instant":
        imports.add("java.time.Instant")
    elif typ == "LocalDate":
        imports.add("java.time.LocalDate")
    elif typ.startswith("enum:"):
        typ = typ[5:]
        imports |= {"jakarta.persistence.Enumerated", "jakarta.persistence.EnumType"}
        ann.append("@Enumerated(EnumType.STRING)"); colargs.append("length = 30")
        if "." in typ:
            imports.add(typ); typ = typ.split(".")[-1]
    ann.append("@Column(" + ", ".join(colargs) + ")")
    body.append("\n".join("    " + a for a in ann) + f"\n    private {typ} {name};\n")
    cap = name[0].upper() + name[1:]
    getter = ("is" if typ == "boolean" else "get") + cap
    acc.append(f"    public {typ} {getter}() {{\n        return {name};\n    }}\n\n"
               f"    public void set{cap}({typ} {name}) {{\n        this.{name} = {name};\n    }}\n")
out = f"package dev.cartera.core.{pkg};\n\n" + "\n".join(f"import {i};" for i in sorted(imports))
out += f"\n\n/** {doc} */\n@Entity\n@Table(name = \"{table}\")\npublic class {cls} extends TenantEntity {{\n"
out += "\n".join(body) + "\n" + "\n".join(acc) + "}\n"
open(f"{root}/dev/cartera/core/{pkg}/{cls}.java", "w").write(out)
