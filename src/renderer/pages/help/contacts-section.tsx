import { useEffect, useState } from 'react';
import { Card, Empty, Input, Table, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Procuratorate } from '../../../shared/portal-wire';
import { api } from '../../transport';
import { useRemote } from '../../util/use-remote';
import { RemoteAlert } from '../remote-alert';

/** Waits for a pause in typing before asking core (one call per search, not per key). */
const SEARCH_DELAY_MS = 250;

/** 联系方式: the verification hotline and the procuratorates' 案管大厅 numbers, searchable. */
export function ContactsSection() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const contacts = useRemote(() => api['contacts.list'](applied ? { q: applied } : {}), { key: applied });
  const { reload } = contacts;

  useEffect(() => {
    const timer = setTimeout(() => setApplied(query.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <>
      <Card title={t('help.hotlineTitle')} className="section-card">
        <Typography.Paragraph className="help-hotline">
          <PhoneOutlined aria-hidden="true" className="help-hotline-icon" />
          {t('help.hotline')}
          <Typography.Text strong className="help-hotline-number">
            {contacts.data?.hotline ?? '400-052-9602'}
          </Typography.Text>
        </Typography.Paragraph>
      </Card>
      <Card
        title={t('contacts.title')}
        className="section-card table-card"
        extra={
          <Input.Search
            allowClear
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onSearch={(value) => setApplied(value.trim())}
            placeholder={t('contacts.searchPlaceholder')}
            aria-label={t('contacts.search')}
            className="contacts-search"
          />
        }
      >
        <RemoteAlert error={contacts.error} onRetry={() => void reload()} />
        <Table<Procuratorate>
          rowKey="id"
          size="middle"
          loading={contacts.loading}
          dataSource={contacts.data?.units ?? []}
          pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('contacts.none')} /> }}
          columns={[
            {
              key: 'name',
              title: t('contacts.unit'),
              render: (_, unit) => (
                <span className="unit-option">
                  <span>{unit.name}</span>
                  {unit.pilot ? <Tag color="blue">{t('binding.pilot')}</Tag> : null}
                </span>
              ),
            },
            { key: 'place', title: t('contacts.place'), width: 180, render: (_, unit) => (unit.province === unit.city ? unit.city : `${unit.province} ${unit.city}`) },
            {
              key: 'phones',
              title: t('contacts.phones'),
              width: 300,
              render: (_, unit) =>
                unit.caseHallPhones.length > 0 ? (
                  <span className="phone-list">
                    {unit.caseHallPhones.map((phone) => (
                      <Typography.Text key={phone} copyable>
                        {phone}
                      </Typography.Text>
                    ))}
                  </span>
                ) : (
                  <Typography.Text type="secondary">{t('contacts.notPublished')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
