-- dbsync:destructive drop column public.t.b
ALTER TABLE t DROP COLUMN b;
