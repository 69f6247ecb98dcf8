import { Body, Controller, Delete, Get, Header, HttpCode, Param, Put } from '@nestjs/common';
import type { PersonalDataExport, PrivacySettingsView } from '@plenum/contracts';
import { CurrentPrincipal, PermissionsService } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { PersonalDataService } from './personal-data.service';
import { PrivacySettingsService } from './privacy-settings.service';
import { DeleteAccountDto, PrivacySettingsDto } from './privacy.dto';

@Controller()
export class PrivacyController {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly settings: PrivacySettingsService,
    private readonly permissions: PermissionsService,
  ) {}

  /** Everything Plenum holds about the caller, as one JSON download. */
  @Get('me/data-export')
  @Header('Content-Disposition', 'attachment; filename="plenum-my-data.json"')
  @Header('Cache-Control', 'no-store')
  dataExport(@CurrentPrincipal() principal: Principal): Promise<PersonalDataExport> {
    return this.personalData.export(principal.userId);
  }

  /** Deletes the caller's account; the password is asked again because it cannot be undone. */
  @Delete('me')
  @HttpCode(204)
  async deleteAccount(
    @CurrentPrincipal() principal: Principal,
    @Body() body: DeleteAccountDto,
  ): Promise<void> {
    await this.personalData.erase(principal.userId, body.password);
  }

  @Get('events/:slug/privacy')
  async getSettings(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<PrivacySettingsView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return this.settings.get(event);
  }

  @Put('events/:slug/privacy')
  async putSettings(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: PrivacySettingsDto,
  ): Promise<PrivacySettingsView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return this.settings.update(event, principal.userId, body);
  }
}
