-- dbsync:from 84da77a6870847f7
-- dbsync:to 4295b3d34f11d6f2

CREATE TABLE public.tasks (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  title text NOT NULL,
  done boolean DEFAULT false NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT tasks_pkey PRIMARY KEY (id)
);
