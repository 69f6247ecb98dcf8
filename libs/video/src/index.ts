export * from './attendance-figures';
export * from './livekit-rooms.service';
export * from './livekit-webhook.controller';
export * from './livekit-webhook-handlers';
export * from './video-access.service';
export * from './video-room-names';
export * from './video-tokens.service';
export * from './video.module';
