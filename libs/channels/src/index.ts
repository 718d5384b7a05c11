export { ChannelEntity } from './channel.entity';
export { ChannelsModule } from './channels.module';
export { ChannelsService } from './channels.service';
export type { CreateChannelInput, KakaoAppCredentials } from './channels.service';
