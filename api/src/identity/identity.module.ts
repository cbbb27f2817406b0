import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { AuthService } from './auth.service';
import { AccountsResolver, SessionResolver } from './identity.resolver';
import { MeService } from './me.service';
import { SessionService } from './session.service';

@Module({
  providers: [SessionService, MeService, AuthService, AccountsService, SessionResolver, AccountsResolver],
  exports: [SessionService],
})
export class IdentityModule {}
