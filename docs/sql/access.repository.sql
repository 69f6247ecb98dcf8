-- AccessRepository.context (signed in)
SELECT "e"."id" AS "e_id", "e"."slug" AS "e_slug", "e"."title" AS "e_title", "e"."description" AS "e_description", "e"."time_zone" AS "e_time_zone", "e"."starts_on" AS "e_starts_on", "e"."ends_on" AS "e_ends_on", "e"."default_locale" AS "e_default_locale", "e"."media_access" AS "e_media_access", "e"."logo_content_type" AS "e_logo_content_type", "e"."created_at" AS "e_created_at", "e"."updated_at" AS "e_updated_at", COALESCE((SELECT json_agg(json_build_object('id', m.id, 'role', m.role,
          'sessionId', m.session_id, 'boothId', m.booth_id, 'scope', m.scope,
          'createdAt', m.created_at) ORDER BY m.created_at, m.id)
        FROM memberships m WHERE m.event_id = "e"."id" AND m.user_id = $1), '[]'::json) AS "memberships", COALESCE((SELECT json_agg(DISTINCT link.session_id)
        FROM session_speakers link JOIN speakers sp ON sp.id = link.speaker_id
        WHERE sp.event_id = "e"."id" AND sp.user_id = $1), '[]'::json) AS "profile_sessions" FROM "events" "e" WHERE "e"."slug" = $2;

-- AccessRepository.context (visitor)
SELECT "e"."id" AS "e_id", "e"."slug" AS "e_slug", "e"."title" AS "e_title", "e"."description" AS "e_description", "e"."time_zone" AS "e_time_zone", "e"."starts_on" AS "e_starts_on", "e"."ends_on" AS "e_ends_on", "e"."default_locale" AS "e_default_locale", "e"."media_access" AS "e_media_access", "e"."logo_content_type" AS "e_logo_content_type", "e"."created_at" AS "e_created_at", "e"."updated_at" AS "e_updated_at", COALESCE((SELECT json_agg(json_build_object('id', m.id, 'role', m.role,
          'sessionId', m.session_id, 'boothId', m.booth_id, 'scope', m.scope,
          'createdAt', m.created_at) ORDER BY m.created_at, m.id)
        FROM memberships m WHERE m.event_id = "e"."id" AND m.user_id = $1), '[]'::json) AS "memberships", COALESCE((SELECT json_agg(DISTINCT link.session_id)
        FROM session_speakers link JOIN speakers sp ON sp.id = link.speaker_id
        WHERE sp.event_id = "e"."id" AND sp.user_id = $1), '[]'::json) AS "profile_sessions" FROM "events" "e" WHERE "e"."slug" = $2;

-- AccessRepository.contextById
SELECT "e"."id" AS "e_id", "e"."slug" AS "e_slug", "e"."title" AS "e_title", "e"."description" AS "e_description", "e"."time_zone" AS "e_time_zone", "e"."starts_on" AS "e_starts_on", "e"."ends_on" AS "e_ends_on", "e"."default_locale" AS "e_default_locale", "e"."media_access" AS "e_media_access", "e"."logo_content_type" AS "e_logo_content_type", "e"."created_at" AS "e_created_at", "e"."updated_at" AS "e_updated_at", COALESCE((SELECT json_agg(json_build_object('id', m.id, 'role', m.role,
          'sessionId', m.session_id, 'boothId', m.booth_id, 'scope', m.scope,
          'createdAt', m.created_at) ORDER BY m.created_at, m.id)
        FROM memberships m WHERE m.event_id = "e"."id" AND m.user_id = $1), '[]'::json) AS "memberships", COALESCE((SELECT json_agg(DISTINCT link.session_id)
        FROM session_speakers link JOIN speakers sp ON sp.id = link.speaker_id
        WHERE sp.event_id = "e"."id" AND sp.user_id = $1), '[]'::json) AS "profile_sessions" FROM "events" "e" WHERE "e"."id" = $2;

-- AccessRepository.session
SELECT "Session"."id" AS "Session_id", "Session"."guid" AS "Session_guid", "Session"."number" AS "Session_number", "Session"."sequence" AS "Session_sequence", "Session"."event_id" AS "Session_event_id", "Session"."stage_id" AS "Session_stage_id", "Session"."track_id" AS "Session_track_id", "Session"."kind" AS "Session_kind", "Session"."title" AS "Session_title", "Session"."abstract" AS "Session_abstract", "Session"."starts_at" AS "Session_starts_at", "Session"."ends_at" AS "Session_ends_at", "Session"."state" AS "Session_state", "Session"."capacity" AS "Session_capacity", "Session"."stream_url" AS "Session_stream_url", "Session"."language" AS "Session_language", "Session"."created_at" AS "Session_created_at", "Session"."updated_at" AS "Session_updated_at" FROM "sessions" "Session" WHERE (("Session"."event_id" = $1) AND ("Session"."id" = $2)) LIMIT 1;

-- AccessRepository.booth (by id)
SELECT "Booth"."id" AS "Booth_id", "Booth"."event_id" AS "Booth_event_id", "Booth"."slug" AS "Booth_slug", "Booth"."organisation" AS "Booth_organisation", "Booth"."tagline" AS "Booth_tagline", "Booth"."description" AS "Booth_description", "Booth"."tier" AS "Booth_tier", "Booth"."topics" AS "Booth_topics", "Booth"."position" AS "Booth_position", "Booth"."links" AS "Booth_links", "Booth"."opening_hours" AS "Booth_opening_hours", "Booth"."logo_key" AS "Booth_logo_key", "Booth"."logo_content_type" AS "Booth_logo_content_type", "Booth"."banner_key" AS "Booth_banner_key", "Booth"."banner_content_type" AS "Booth_banner_content_type", "Booth"."created_at" AS "Booth_created_at", "Booth"."updated_at" AS "Booth_updated_at" FROM "booths" "Booth" WHERE (("Booth"."event_id" = $1) AND ("Booth"."id" = $2)) LIMIT 1;

-- AccessRepository.booth (by slug)
SELECT "Booth"."id" AS "Booth_id", "Booth"."event_id" AS "Booth_event_id", "Booth"."slug" AS "Booth_slug", "Booth"."organisation" AS "Booth_organisation", "Booth"."tagline" AS "Booth_tagline", "Booth"."description" AS "Booth_description", "Booth"."tier" AS "Booth_tier", "Booth"."topics" AS "Booth_topics", "Booth"."position" AS "Booth_position", "Booth"."links" AS "Booth_links", "Booth"."opening_hours" AS "Booth_opening_hours", "Booth"."logo_key" AS "Booth_logo_key", "Booth"."logo_content_type" AS "Booth_logo_content_type", "Booth"."banner_key" AS "Booth_banner_key", "Booth"."banner_content_type" AS "Booth_banner_content_type", "Booth"."created_at" AS "Booth_created_at", "Booth"."updated_at" AS "Booth_updated_at" FROM "booths" "Booth" WHERE (("Booth"."event_id" = $1) AND ("Booth"."slug" = $2)) LIMIT 1;

-- AccessRepository.installationFacts
SELECT u.is_platform_admin, u.disabled_at IS NOT NULL AS disabled,
              EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role = ANY($2)) AS holds_role
         FROM users u WHERE u.id = $1;
