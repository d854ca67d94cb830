ALTER TABLE public.posts ADD COLUMN published boolean NOT NULL DEFAULT false;

/* a row whose text holds a quote and a semicolon */
INSERT INTO public.profiles (user_id, username) VALUES ('u1', 'it''s me; really');
