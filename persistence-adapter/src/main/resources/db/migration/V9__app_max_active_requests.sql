-- An app's own limit on the chats (and /suggested calls) running at once on one instance,
-- as Dify's app.max_active_requests: null = the service's APP_MAX_ACTIVE_REQUESTS, 0 = unlimited.
alter table app add column max_active_requests integer;
