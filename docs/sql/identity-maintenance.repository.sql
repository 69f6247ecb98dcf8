-- IdentityMaintenanceRepository.deleteEndedSignIns
DELETE FROM auth_sessions WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day';

-- IdentityMaintenanceRepository.deleteExpiredInvitations
DELETE FROM invitations WHERE expires_at < now() - interval '30 days';

-- IdentityMaintenanceRepository.deleteExpiredEmailLinks
DELETE FROM sign_in_links WHERE expires_at < now() - interval '1 day';
