import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { AuthService } from './auth.service';
import { AccountsResolver, SessionResolver } from './identity.resolver';
import { MeService } from './me.service';
import { SessionService } from './session.service';
import { SignInFailures } from './sign-in-failures.service';

@Module({
  providers: [SessionService, MeService, AuthService, SignInFailures, AccountsService, SessionResolver, AccountsResolver],
  exports: [SessionService],
})
export class IdentityModule {}
