-- A rating's own time: updated_at also moves when the answer ends, so a rating given while the
-- answer streamed took the end's time in /v1/app/feedbacks (Dify keeps feedbacks in a table of
-- their own, with their own times).
alter table message add column rated_at timestamp(6) with time zone;
update message set rated_at = updated_at where feedback_rating is not null;
