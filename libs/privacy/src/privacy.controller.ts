import { Body, Controller, Delete, Get, Header, HttpCode, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { PersonalDataExport, PrivacySettingsView } from '@plenum/contracts';
import { Access, Authenticated, CurrentPrincipal, EventAccess } from '@plenum/identity';
import type { Principal, ResolvedAccess } from '@plenum/identity';
import { PersonalDataService } from './personal-data.service';
import { PrivacySettingsService } from './privacy-settings.service';
import {
  DeleteAccountDto,
  PersonalDataExportDto,
  PrivacySettingsDto,
  PrivacySettingsViewDto,
} from './privacy.dto';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly settings: PrivacySettingsService,
  ) {}

  /** Everything Plenum holds about the caller, as one JSON download. */
  @Get('me/data-export')
  @Header('Content-Disposition', 'attachment; filename="plenum-my-data.json"')
  @Header('Cache-Control', 'no-store')
  @Authenticated()
  @ZodResponse({ status: 200, type: PersonalDataExportDto })
  dataExport(@CurrentPrincipal() principal: Principal): Promise<PersonalDataExport> {
    return this.personalData.export(principal.userId);
  }

  /** Deletes the caller's account; the password is asked again because it cannot be undone. */
  @Delete('me')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'The account and its personal data are gone' })
  async deleteAccount(
    @CurrentPrincipal() principal: Principal,
    @Body() body: DeleteAccountDto,
  ): Promise<void> {
    await this.personalData.erase(principal.userId, body.password);
  }

  @Get('events/:slug/privacy')
  @EventAccess('event.update')
  @ZodResponse({ status: 200, type: PrivacySettingsViewDto })
  getSettings(@Access() { event }: ResolvedAccess): Promise<PrivacySettingsView> {
    return this.settings.get(event);
  }

  @Put('events/:slug/privacy')
  @EventAccess('event.update')
  @ZodResponse({ status: 200, type: PrivacySettingsViewDto })
  putSettings(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: PrivacySettingsDto,
  ): Promise<PrivacySettingsView> {
    return this.settings.update(event, principal.userId, body);
  }
}
