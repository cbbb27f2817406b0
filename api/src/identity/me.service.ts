import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@lmr/domain';
import { notFound } from '../common/errors';
import type { Me } from './identity.model';

/** The signed-in person's own account, as they see it. */
@Injectable()
export class MeService {
  constructor(private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<Me> {
    const rows: {
      id: string;
      role: Role;
      display_name: string;
      email: string | null;
      school_id: string | null;
      school_name: string | null;
      district: string | null;
      time_zone: string | null;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.role, u.display_name, u.email, s.id AS school_id, s.name AS school_name, s.district, s.time_zone
         FROM app_user u LEFT JOIN school s ON s.id = u.school_id
        WHERE u.id = $1`,
      [userId],
    );
    const r = rows[0];
    if (!r) throw notFound('account');
    return {
      id: r.id,
      role: r.role,
      displayName: r.display_name,
      email: r.email,
      school: r.school_id ? { id: r.school_id, name: r.school_name!, district: r.district, timeZone: r.time_zone! } : null,
    };
  }
}
