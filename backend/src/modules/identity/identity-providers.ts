import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Client, custom, Issuer } from 'openid-client';
import { APP_CONFIG, type AppConfig, identityProviderLabel, type IdentityProviderConfig } from '../../config/config';
import { IdentityErrors } from './identity.errors';

/** A provider's metadata and keys are fetched once per process, on first use (a failure is tried again next time). */
@Injectable()
export class IdentityProviders {
  private readonly logger = new Logger('IdentityProviders');
  private readonly clients = new Map<string, Promise<Client>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  list(): IdentityProviderConfig[] {
    return this.config.identityProviders;
  }

  get(id: string): IdentityProviderConfig {
    const provider = this.config.identityProviders.find((p) => p.id === id);
    if (!provider) throw IdentityErrors.unknownProvider();
    return provider;
  }

  labelOf(id: string | null): string | null {
    return identityProviderLabel(this.config, id);
  }

  /** Where the provider sends the browser back: one address per provider, so an answer cannot pass for another provider's. */
  redirectUri(id: string): string {
    return `${this.config.publicUrl}/api/auth/identity-providers/${id}/callback`;
  }

  async client(id: string): Promise<Client> {
    const provider = this.get(id);
    let client = this.clients.get(id);
    if (!client) {
      client = this.discover(provider);
      this.clients.set(id, client);
    }
    try {
      return await client;
    } catch (err) {
      this.clients.delete(id);
      this.logger.error({ err, provider: id }, 'Identity provider discovery failed');
      throw IdentityErrors.unavailable();
    }
  }

  private async discover(p: IdentityProviderConfig): Promise<Client> {
    const issuer = await Issuer.discover(p.issuer);
    const client = new issuer.Client({
      client_id: p.clientId,
      ...(p.clientSecret ? { client_secret: p.clientSecret } : { token_endpoint_auth_method: 'none' }),
      redirect_uris: [this.redirectUri(p.id)],
      response_types: ['code'],
    });
    client[custom.http_options] = (_url, options) => ({ ...options, timeout: 10_000 });
    return client;
  }
}
