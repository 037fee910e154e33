-- Lead import (issue 4): every index of a table is written for each row a bulk import stores. These two
-- only repeat the leading column of the composite indexes of the same tables (every query on them names the
-- tenant and more), so they cost each imported lead a write and serve nothing the others don't.
drop index ix_lead_tenant;
drop index ix_import_row_key_tenant;
